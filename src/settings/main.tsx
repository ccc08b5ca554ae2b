/**
 * Settings page entry (the extension's options page). `?onboarding` shows the first-run welcome
 * (opened by the service worker on install); `?lang=fr|en` forces the language (tests).
 */
import { render } from 'preact';
import { SettingsApp } from '../ui/settings/SettingsApp';
import { settingsPorts } from './settings-ports';

const query = new URLSearchParams(location.search);
const lang = query.get('lang');
const root = document.getElementById('app');
if (!root) throw new Error('settings markup is missing #app');
render(<SettingsApp port={settingsPorts()} onboarding={query.has('onboarding')} forcedLanguage={lang === 'fr' || lang === 'en' ? lang : undefined} />, root);
