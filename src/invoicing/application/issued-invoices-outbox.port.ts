import type { CustomerProfile } from '../../customers';
import type { Database } from '../../shared/database/database';
import type { Invoice } from '../domain/invoice';

/** An invoice just issued, with its customer as the issuing code read them (its email, ...). */
export interface IssuedInvoice {
  invoice: Invoice;
  customer: CustomerProfile;
}

/**
 * Port: called inside the issuing transaction, with that transaction, so whatever must follow an
 * issued invoice (delivery jobs) is written atomically with it: never an invoice without them.
 * Provided by the module given to `InvoicingModule.forRoot` (invoice delivery's outbox).
 */
export abstract class IssuedInvoicesOutbox {
  abstract enqueue(tx: Database, issued: IssuedInvoice[]): Promise<void>;
}
