/**
 * Function file of the compose command (manifest: FunctionName insertReminder). Wiring only: see
 * insert-reminder.ts. Office requires event.completed() on every path, or the command spins.
 */
import { OutlookMailbox } from '../adapters/outlook/outlook-mailbox';
import type { OfficeApi } from '../adapters/outlook/office-api';
import { LedgerStore } from '../adapters/storage/ledger-store';
import { RelanceDatabase } from '../adapters/storage/schema';
import { languageFromLocale } from '../ui/i18n';
import { addinToday } from './addin-clock';
import { insertReminder } from './insert-reminder';

declare const Office: OfficeApi & {
  onReady(): Promise<unknown>;
  actions: { associate(name: string, handler: (event: { completed(): void }) => void): void };
};

void Office.onReady().then(() => {
  Office.actions.associate('insertReminder', (event) => {
    const mailbox = new OutlookMailbox(Office);
    insertReminder({ mailbox, ledger: new LedgerStore(new RelanceDatabase()), language: languageFromLocale(Office.context.displayLanguage), today: addinToday })
      .catch((error: unknown) => console.error('Relance: insert reminder', error))
      .finally(() => event.completed());
  });
});
