/** Whether the browser keeps Relance's data under storage pressure (asked from this page: a window may ask). */
import { useEffect, useState } from 'preact/hooks';
import type { StoragePersistence } from '../../protocol/messages';
import type { SettingsTranslate } from '../i18n-settings';
import { SectionForm } from './fields';

export function StorageSection({ persistence, t }: { persistence(): Promise<StoragePersistence>; t: SettingsTranslate }) {
  const [state, setState] = useState<StoragePersistence | null>(null);
  useEffect(() => {
    persistence().then(setState, () => setState('unsupported'));
  }, [persistence]);
  return (
    <SectionForm id="storage" title={t('storageTitle')}>
      <p data-testid="storage-persistence" data-state={state ?? 'checking'} class={state === 'granted' ? 'ok' : state ? 'warning' : 'muted'}>
        {state ? t(`storage_${state}`) : t('storageChecking')}
      </p>
    </SectionForm>
  );
}
