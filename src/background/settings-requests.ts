/**
 * The settings page's requests (issue 6 "Settings"): read and save the user's settings and edited
 * templates. Extension pages only (the router never hands these to a content script). A save is
 * checked whole first (validate.ts `checkSettings`, `checkUserTemplates`, then each template's
 * compile check): a refused save answers every field at fault and writes nothing.
 */
import { checkSettings, checkUserTemplates, type LedgerProblem, type LedgerSettings, type UserTemplates } from '../core/ledger';
import { validateTemplate } from '../core/templates/user-templates';
import { isRecord, type PageReplies, type SettingsRequest, type SettingsSaveReply } from '../protocol/messages';
import type { WorkerDeps } from './router';

const SETTINGS_TYPES = new Set<string>(['settings/get', 'settings/save', 'templates/get', 'templates/save']);
/** Far above any real settings record (a long signature, a few hundred rate overrides). */
export const MAX_SETTINGS_JSON_CHARS = 200_000;
/** Every template of every step, language and tone at its longest would not reach this. */
export const MAX_TEMPLATES_JSON_CHARS = 2_000_000;

export function isSettingsRequest(raw: unknown): raw is SettingsRequest {
  return isRecord(raw) && typeof raw.type === 'string' && SETTINGS_TYPES.has(raw.type);
}

type Deps = Pick<WorkerDeps, 'ledger' | 'broadcast' | 'refreshBadge' | 'log'>;

function refused<T>(what: string, problems: LedgerProblem[]): SettingsSaveReply<T> {
  return { ok: false, error: `invalid ${what}: ${problems.map((problem) => `${problem.field || what}: ${problem.message}`).join('; ')}`, code: 'invalid', problems };
}

function tooLarge(value: unknown, max: number): boolean {
  try {
    return (JSON.stringify(value) ?? '').length > max;
  } catch {
    return true;
  }
}

/** The settings as they will be stored, or every problem (nothing is written on a problem). */
export function parseSettingsSave(value: unknown): { ok: true; value: LedgerSettings } | { ok: false; problems: LedgerProblem[] } {
  if (tooLarge(value, MAX_SETTINGS_JSON_CHARS)) return { ok: false, problems: [{ field: '', code: 'out_of_range', message: `the settings are larger than ${MAX_SETTINGS_JSON_CHARS} characters` }] };
  return checkSettings(value);
}

/** The templates as they will be stored: the shape (`checkUserTemplates`), then each one compiles. */
export function parseTemplatesSave(value: unknown): { ok: true; value: UserTemplates } | { ok: false; problems: LedgerProblem[] } {
  if (tooLarge(value, MAX_TEMPLATES_JSON_CHARS)) return { ok: false, problems: [{ field: '', code: 'out_of_range', message: `the templates are larger than ${MAX_TEMPLATES_JSON_CHARS} characters` }] };
  const checked = checkUserTemplates(value);
  if (!checked.ok) return checked;
  const problems: LedgerProblem[] = [];
  for (const [key, source] of Object.entries(checked.value)) {
    for (const error of validateTemplate(source ?? '')) problems.push({ field: key, code: 'bad_format', message: `line ${error.line}, column ${error.column}: ${error.message}` });
  }
  return problems.length === 0 ? checked : { ok: false, problems };
}

export async function handleSettingsRequest(request: SettingsRequest, deps: Deps): Promise<PageReplies[SettingsRequest['type']]> {
  switch (request.type) {
    case 'settings/get':
      return { ok: true, value: await deps.ledger.getSettings() };
    case 'templates/get':
      return { ok: true, value: await deps.ledger.getTemplates() };
    case 'settings/save': {
      const parsed = parseSettingsSave(request.settings);
      if (!parsed.ok) return refused<LedgerSettings>('settings', parsed.problems);
      const saved = await deps.ledger.putSettings(parsed.value);
      await afterSave(deps);
      return { ok: true, value: saved };
    }
    case 'templates/save': {
      const parsed = parseTemplatesSave(request.templates);
      if (!parsed.ok) return refused<UserTemplates>('templates', parsed.problems);
      const saved = await deps.ledger.putTemplates(parsed.value);
      await afterSave(deps);
      return { ok: true, value: saved };
    }
  }
}

/** Every open panel reads its invoices again (delays, rates and wording change what it shows). */
async function afterSave(deps: Deps): Promise<void> {
  deps.broadcast({ type: 'ledger/changed', invoiceIds: [] });
  await deps.refreshBadge();
}
