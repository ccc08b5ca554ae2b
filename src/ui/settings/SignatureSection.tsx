/** The signature appended to every draft, plain text. */
import { useState } from 'preact/hooks';
import { SectionForm, TextBlock } from './fields';
import { messagesFor } from './problems';
import { SaveStatus } from './SaveStatus';
import type { SectionProps } from './section-props';
import { useSave } from './use-save';

export function SignatureSection({ settings, save, t }: SectionProps) {
  const [signature, setSignature] = useState(settings.signature);
  const { state, problems, submit } = useSave(save);
  return (
    <SectionForm id="signature" title={t('signatureTitle')} help={t('signatureHelp')} saveLabel={t('save')} onSubmit={() => void submit({ ...settings, signature })} status={<SaveStatus state={state} t={t} fields={['signature']} />}>
      <TextBlock id="signature-text" label={t('signature')} rows={4} value={signature} onInput={setSignature} errors={messagesFor(problems, 'signature', t)} />
    </SectionForm>
  );
}

