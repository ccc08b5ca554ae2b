/**
 * The language of an extension page (panel, dashboard): `?lang=` (tests, links), else the settings'
 * interface language, else the browser's (interfaceLanguageOf). A worker that cannot answer leaves
 * it to the browser.
 */
import type { Language } from '../../core/model';
import type { PageReplies } from '../../protocol/messages';
import { languageFromLocale } from '../../ui/i18n';
import { interfaceLanguageOf } from '../../ui/settings/ui-language';
import { browser } from './ext';
import { workerReply } from './worker-request';

export async function pageLanguage(): Promise<Language> {
  const forced = new URLSearchParams(location.search).get('lang');
  if (forced) return languageFromLocale(forced);
  const reply = await workerReply<PageReplies['settings/get']>({ type: 'settings/get' }).catch(() => undefined);
  return interfaceLanguageOf(reply?.ok ? reply.value : null, browser.i18n.getUILanguage());
}
