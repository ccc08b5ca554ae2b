/**
 * The detection engine (issue 3): reads mail like a credit controller. `detectMessage` reads one
 * message; `analyzeThread` reads a thread (oldest first) and lets replies borrow the invoice they
 * answer. Pure: no DOM, no clock, no I/O.
 */
export type { Detection, DetectOptions, EngineMessage, Evidence, EvidenceField, EvidenceSource, MessageKind } from './types';
export { detectMessage } from './detect-message';
export { analyzeThread } from './thread';
export { htmlToText } from './html-to-text';
export { preferScanThroughput } from './readings';
