/**
 * The ledger's pure core (issue 5): the model and its checks, the logbook's events, the derivation
 * of an invoice's state from them, the evidence hash chain, the dashboard queries, and the files:
 * the JSON backup (BACKUP.md), the merge of the CLI's scan file, the accountant's CSV and the
 * per-invoice dossier. The storage adapter (src/adapters/storage) loads records by index and calls
 * these functions.
 */
export * from './events';
export * from './model';
export * from './validate';
export { sha256, sha256Hex, utf8Bytes } from './sha256';
export * from './hash-chain';
export * from './derive';
export * from './queries';
export * from './backup';
export * from './backup-v2';
export * from './backup-stream';
export { parseJsonText, locateJsonError, sortedJson, type JsonParsed, type JsonSyntaxError } from './backup-json';
export * from './scan-merge';
export * from './csv-export';
export * from './dossier';
export { STATUS_WORDS, STEP_WORDS, EVENT_KIND_WORDS, ROUTE_WORDS, describeEvent, dayWords, moneyWords } from './dossier-words';
export * from './money';
export * from './summary';
export * from './client-totals';
