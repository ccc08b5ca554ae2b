import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LedgerStore } from '../adapters/storage/ledger-store';
import { RelanceDatabase } from '../adapters/storage/schema';
import { DEFAULT_LEDGER_SETTINGS, checkSettings } from '../core/ledger';
import { routeMessage, type MessageSender, type WorkerDeps } from './router';
import { parseTemplatesSave } from './settings-requests';

const EXT = 'abcdefghijklmnopabcdefghijklmnop';
const ORIGIN = `chrome-extension://${EXT}/`;
const page: MessageSender = { id: EXT, url: `${ORIGIN}src/settings/index.html` };
const gmail: MessageSender = { id: EXT, url: 'https://mail.google.com/mail/u/0/', origin: 'https://mail.google.com', frameId: 0, tab: { id: 7 } };
const VALID_IBAN = 'FR7630006000011234567890189';

const databases: RelanceDatabase[] = [];
afterEach(async () => {
  for (const db of databases.splice(0)) {
    db.close();
    await Dexie.delete(db.name);
  }
});

function makeDeps(): WorkerDeps {
  const db = new RelanceDatabase(`settings-${Math.random()}`);
  databases.push(db);
  return {
    extensionId: EXT,
    extensionOrigin: ORIGIN,
    ledger: new LedgerStore(db),
    today: async () => '2026-11-20',
    now: () => new Date('2026-11-20T09:00:00.000Z'),
    setTabThread: async () => undefined,
    getTabThread: async () => null,
    enablePanel: async () => undefined,
    openPanel: () => undefined,
    sendToTab: async () => undefined,
    refreshBadge: vi.fn(async () => undefined),
    storagePersistence: async () => 'granted',
    broadcast: vi.fn(),
    log: () => undefined,
  };
}

const ask = (deps: WorkerDeps, message: unknown, sender: MessageSender = page) => routeMessage(message, sender, deps) as Promise<Record<string, unknown>>;

describe('settings requests', () => {
  it('saves valid settings (normalised) and tells open panels', async () => {
    const deps = makeDeps();
    const settings = { ...DEFAULT_LEDGER_SETTINGS, company: { ...DEFAULT_LEDGER_SETTINGS.company, name: ' Atelier Dupont ' }, iban: 'fr76 3000 6000 0112 3456 7890 189', interfaceLanguage: 'en' };
    const reply = await ask(deps, { type: 'settings/save', settings });
    expect(reply).toMatchObject({ ok: true, value: { iban: VALID_IBAN, interfaceLanguage: 'en', company: { name: 'Atelier Dupont' } } });
    expect(await deps.ledger.getSettings()).toMatchObject({ iban: VALID_IBAN, interfaceLanguage: 'en' });
    expect(deps.broadcast).toHaveBeenCalledWith({ type: 'ledger/changed', invoiceIds: [] });
    expect(await ask(deps, { type: 'settings/get' })).toMatchObject({ ok: true, value: { iban: VALID_IBAN } });
  });

  it('refuses a bad IBAN and a bad SIRET field by field, and writes nothing', async () => {
    const deps = makeDeps();
    const settings = { ...DEFAULT_LEDGER_SETTINGS, company: { ...DEFAULT_LEDGER_SETTINGS.company, name: 'X', siret: '73282932000075' }, iban: 'FR7630006000011234567890188' };
    const reply = await ask(deps, { type: 'settings/save', settings });
    expect(reply).toMatchObject({ ok: false, code: 'invalid' });
    const fields = (reply.problems as Array<{ field: string; code: string }>).map((problem) => `${problem.field}:${problem.code}`);
    expect(fields).toEqual(expect.arrayContaining(['iban:bad_checksum', 'company.siret:bad_checksum']));
    expect(await deps.ledger.getSettings()).toEqual(DEFAULT_LEDGER_SETTINGS);
    expect(deps.broadcast).not.toHaveBeenCalled();
  });

  it('refuses ladder delays out of order with the core validation', async () => {
    const deps = makeDeps();
    const reply = await ask(deps, { type: 'settings/save', settings: { ...DEFAULT_LEDGER_SETTINGS, chasing: { delays: { firstReminder: 20, secondReminder: 10 } } } });
    expect(reply).toMatchObject({ ok: false, code: 'invalid' });
    expect((reply.problems as Array<{ field: string; code: string }>).some((problem) => problem.field.startsWith('chasing.delays') && problem.code === 'out_of_order')).toBe(true);
  });

  it('saves templates that compile and refuses one that does not', async () => {
    const deps = makeDeps();
    expect(await ask(deps, { type: 'templates/save', templates: { 'first_reminder.fr.body': 'Bonjour {{client.name}}' } })).toMatchObject({ ok: false, code: 'invalid' });
    expect(await deps.ledger.getTemplates()).toEqual({});
    expect(await ask(deps, { type: 'templates/save', templates: { 'first_reminder.fr.body': 'Bonjour,\n\nMerci.' } })).toMatchObject({ ok: true });
    expect(await ask(deps, { type: 'templates/get' })).toEqual({ ok: true, value: { 'first_reminder.fr.body': 'Bonjour,\n\nMerci.' } });
  });

  it('is not answered for the Gmail content script', async () => {
    const deps = makeDeps();
    const reply = await ask(deps, { type: 'settings/save', settings: { ...DEFAULT_LEDGER_SETTINGS, iban: VALID_IBAN } }, gmail);
    expect(reply).toMatchObject({ ok: false });
    expect(await deps.ledger.getSettings()).toEqual(DEFAULT_LEDGER_SETTINGS);
  });

  it('refuses oversized template sets before reading them', () => {
    const huge = { 'first_reminder.fr.body': 'x'.repeat(2_000_001) };
    expect(parseTemplatesSave(huge)).toMatchObject({ ok: false, problems: [{ code: 'out_of_range' }] });
  });
});

describe('interfaceLanguage (optional setting)', () => {
  it('is absent from older settings, which stay valid, and refuses an unknown value', () => {
    expect(checkSettings({ ...DEFAULT_LEDGER_SETTINGS })).toEqual({ ok: true, value: DEFAULT_LEDGER_SETTINGS });
    expect(checkSettings({ ...DEFAULT_LEDGER_SETTINGS, interfaceLanguage: 'auto' })).toMatchObject({ ok: true, value: { interfaceLanguage: 'auto' } });
    expect(checkSettings({ ...DEFAULT_LEDGER_SETTINGS, interfaceLanguage: 'de' })).toMatchObject({ ok: false, problems: [{ field: 'interfaceLanguage', code: 'unknown_value' }] });
  });
});
