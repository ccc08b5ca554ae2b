/** The first invoice reader (issue 3 replaces the engine behind `readInvoice`, not its signature). */
export { readInvoice, type ReadInvoiceOptions } from './read-invoice';
