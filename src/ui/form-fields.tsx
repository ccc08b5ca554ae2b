/** Labelled inputs for the panel's forms: every field has a visible label and its error beside it. */
import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';

interface FieldProps {
  label: string;
  name: string;
  value: string;
  onInput(value: string): void;
  type?: 'text' | 'date' | 'datetime-local' | 'number' | 'tel';
  error?: string | undefined;
  required?: boolean;
  hint?: string;
}

export function Field({ label, name, value, onInput, type = 'text', error, required, hint }: FieldProps) {
  const id = `f-${name}`;
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  const common = {
    id,
    name,
    value,
    required,
    'data-testid': `input-${name}`,
    'aria-invalid': error ? ('true' as const) : undefined,
    'aria-describedby': describedBy,
    onInput: (event: Event) => onInput((event.currentTarget as HTMLInputElement).value),
  };
  // Preact types <input> by its `type`, so each kind is written out.
  const input =
    type === 'date' ? <input type="date" {...common} /> : type === 'datetime-local' ? <input type="datetime-local" {...common} /> : type === 'number' ? <input type="number" inputMode="numeric" {...common} /> : type === 'tel' ? <input type="tel" {...common} /> : <input type="text" {...common} />;
  return (
    <div class="field-input">
      <label for={id}>
        {label}
        {required ? <span aria-hidden="true"> *</span> : null}
      </label>
      {input}
      {hint && <small id={`${id}-hint`} class="hint">{hint}</small>}
      {error && <small id={`${id}-error`} class="error" role="alert">{error}</small>}
    </div>
  );
}

export function TextArea({ label, name, value, onInput, error, required }: Omit<FieldProps, 'type' | 'hint'>) {
  const id = `f-${name}`;
  return (
    <div class="field-input">
      <label for={id}>
        {label}
        {required ? <span aria-hidden="true"> *</span> : null}
      </label>
      <textarea id={id} name={name} rows={3} value={value} required={required} data-testid={`input-${name}`} aria-invalid={error ? 'true' : undefined} aria-describedby={error ? `${id}-error` : undefined} onInput={(event) => onInput((event.currentTarget as HTMLTextAreaElement).value)} />
      {error && <small id={`${id}-error`} class="error" role="alert">{error}</small>}
    </div>
  );
}

export function Choice<V extends string>({ legend, name, value, options, onChange }: { legend: string; name: string; value: V; options: Array<{ value: V; label: string }>; onChange(value: V): void }) {
  return (
    <fieldset class="choice">
      <legend>{legend}</legend>
      {options.map((option) => (
        <label key={option.value}>
          <input type="radio" name={name} value={option.value} checked={value === option.value} data-testid={`choice-${name}-${option.value}`} onChange={() => onChange(option.value)} />
          {option.label}
        </label>
      ))}
    </fieldset>
  );
}

/** A form view inside the invoice card: its heading takes the focus when it opens (keyboard users land in it). */
/** Escape closes the view (`onCancel`), as the Cancel button does. */
export function ViewFrame({ title, testId, children, onSubmit, onCancel }: { title: string; testId: string; children: ComponentChildren; onSubmit?: () => void; onCancel?: () => void }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const body = (
    <>
      <h2 tabIndex={-1} ref={heading} class="view-title">{title}</h2>
      {children}
    </>
  );
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && onCancel) {
      event.preventDefault();
      onCancel();
    }
  };
  return onSubmit ? (
    <form class="view" data-testid={testId} noValidate onKeyDown={onKeyDown} onSubmit={(event) => { event.preventDefault(); onSubmit(); }}>
      {body}
    </form>
  ) : (
    <section class="view" data-testid={testId} onKeyDown={onKeyDown}>{body}</section>
  );
}
