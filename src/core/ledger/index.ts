/**
 * The ledger's pure core (issue 5): the model and its checks, the logbook's events, the derivation
 * of an invoice's state from them, the evidence hash chain and the dashboard queries. The storage
 * adapter (src/adapters/storage) loads records by index and calls these functions.
 */
export * from './events';
export * from './model';
export * from './validate';
export { sha256, sha256Hex, utf8Bytes } from './sha256';
export * from './hash-chain';
export * from './derive';
export * from './queries';
