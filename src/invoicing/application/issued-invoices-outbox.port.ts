import type { Database } from '../../shared/database/database';
import type { Invoice } from '../domain/invoice';

/**
 * Port: called inside the issuing transaction, with that transaction, so whatever must follow an
 * issued invoice (delivery jobs) is written atomically with it: never an invoice without them.
 */
export abstract class IssuedInvoicesOutbox {
  abstract enqueue(tx: Database, invoices: Invoice[]): Promise<void>;
}

/** Until a delivery channel is configured, nothing is queued. */
export class NoOutbox extends IssuedInvoicesOutbox {
  enqueue(): Promise<void> {
    return Promise.resolve();
  }
}
