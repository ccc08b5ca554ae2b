/** Set by vite.addin.config.ts (`define`): the package version, written in backups as the extension's is. */
declare const __RELANCE_VERSION__: string;
