/** Labelled inputs for the settings page: a visible label, an optional hint, the field's errors under it. */
import type { ComponentChildren } from 'preact';

interface Common {
  id: string;
  label: string;
  hint?: string | undefined;
  errors?: readonly string[] | undefined;
}

function describedBy(id: string, hint: string | undefined, errors: readonly string[] | undefined): string | undefined {
  return [hint ? `${id}-hint` : '', errors?.length ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
}

function Under({ id, hint, errors }: Omit<Common, 'label'>) {
  return (
    <>
      {hint && <small id={`${id}-hint`} class="hint">{hint}</small>}
      {errors && errors.length > 0 && (
        <small id={`${id}-error`} class="error" data-testid={`error-${id}`}>
          {errors.join(' ')}
        </small>
      )}
    </>
  );
}

export function TextInput({ id, label, hint, errors, value, onInput, type = 'text', autoComplete, inputMode }: Common & { value: string; onInput(value: string): void; type?: 'text' | 'email' | 'tel' | 'url' | 'number'; autoComplete?: string; inputMode?: 'numeric' | 'decimal' | 'text' }) {
  // Preact types <input> by its `type`, so each kind is written out.
  const common = {
    id,
    value,
    autoComplete,
    inputMode,
    'data-testid': `input-${id}`,
    'aria-invalid': errors?.length ? ('true' as const) : undefined,
    'aria-describedby': describedBy(id, hint, errors),
    onInput: (event: Event) => onInput((event.currentTarget as HTMLInputElement).value),
  };
  return (
    <div class="field-input">
      <label for={id}>{label}</label>
      {type === 'email' ? <input type="email" {...common} /> : type === 'tel' ? <input type="tel" {...common} /> : type === 'url' ? <input type="url" {...common} /> : type === 'number' ? <input type="number" {...common} /> : <input type="text" {...common} />}
      <Under id={id} hint={hint} errors={errors} />
    </div>
  );
}

export function TextBlock({ id, label, hint, errors, value, onInput, rows = 3, mono }: Common & { value: string; onInput(value: string): void; rows?: number; mono?: boolean }) {
  return (
    <div class="field-input">
      <label for={id}>{label}</label>
      <textarea
        id={id}
        rows={rows}
        value={value}
        class={mono ? 'mono' : undefined}
        data-testid={`input-${id}`}
        aria-invalid={errors?.length ? 'true' : undefined}
        aria-describedby={describedBy(id, hint, errors)}
        onInput={(event) => onInput((event.currentTarget as HTMLTextAreaElement).value)}
      />
      <Under id={id} hint={hint} errors={errors} />
    </div>
  );
}

export function Select<V extends string>({ id, label, hint, errors, value, options, onChange }: Common & { value: V; options: ReadonlyArray<{ value: NoInfer<V>; label: string }>; onChange(value: NoInfer<V>): void }) {
  return (
    <div class="field-input">
      <label for={id}>{label}</label>
      <select id={id} value={value} data-testid={`input-${id}`} aria-describedby={describedBy(id, hint, errors)} onChange={(event) => onChange((event.currentTarget as HTMLSelectElement).value as V)}>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      <Under id={id} hint={hint} errors={errors} />
    </div>
  );
}

export function Radios<V extends string>({ name, legend, value, options, onChange, errors }: { name: string; legend: string; value: V; options: ReadonlyArray<{ value: NoInfer<V>; label: string }>; onChange(value: NoInfer<V>): void; errors?: readonly string[] }) {
  return (
    <fieldset class="choice settings-choice">
      <legend>{legend}</legend>
      {options.map((option) => (
        <label key={option.value}>
          <input type="radio" name={name} value={option.value} checked={value === option.value} data-testid={`choice-${name}-${option.value}`} onChange={() => onChange(option.value)} />
          {option.label}
        </label>
      ))}
      {errors && errors.length > 0 && <small class="error" data-testid={`error-${name}`}>{errors.join(' ')}</small>}
    </fieldset>
  );
}

export function Checkbox({ id, label, checked, onChange }: { id: string; label: string; checked: boolean; onChange(checked: boolean): void }) {
  return (
    <div class="field-input checkbox">
      <label>
        <input type="checkbox" id={id} checked={checked} data-testid={`input-${id}`} onChange={(event) => onChange((event.currentTarget as HTMLInputElement).checked)} />
        {label}
      </label>
    </div>
  );
}

/** One settings section: a heading, a short help line, its own form and Save button, and where the save stands. */
export function SectionForm({ id, title, help, children, onSubmit, status, saveLabel }: { id: string; title: string; help?: string; children: ComponentChildren; onSubmit?: () => void; status?: ComponentChildren; saveLabel?: string }) {
  const body = (
    <>
      <h2 id={`${id}-title`}>{title}</h2>
      {help && <p class="muted section-help">{help}</p>}
      {children}
      {onSubmit && (
        <div class="settings-actions">
          <button type="submit" class="primary" data-testid={`save-${id}`}>
            {saveLabel}
          </button>
        </div>
      )}
      <p class="settings-status" role="status" aria-live="polite" data-testid={`status-${id}`}>
        {status}
      </p>
    </>
  );
  return (
    <section id={id} class="settings-section" aria-labelledby={`${id}-title`} data-testid={`section-${id}`}>
      {onSubmit ? (
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            onSubmit();
          }}
        >
          {body}
        </form>
      ) : (
        body
      )}
    </section>
  );
}
