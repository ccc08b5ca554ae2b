/**
 * Where the settings page is, for the panel's "enter the rate in the settings" link. Provided by the
 * extension's panel entry (src/panel/main.tsx); hosts without a settings page (the Outlook task
 * pane) provide nothing and the panel shows no link.
 */
import { createContext } from 'preact';

export const SettingsLink = createContext<string | null>(null);
