import type { CustomerProfile } from '../../customers';
import type { Invoice } from '../domain/invoice';

/** An invoice just issued, with its customer as the issuing code read them (its email, ...). */
export interface IssuedInvoice {
  invoice: Invoice;
  customer: CustomerProfile;
}

/**
 * Port: whatever must follow an issued invoice (delivery jobs), written in the issuing unit of work
 * so it is atomic with the invoice: never an invoice without them. Provided by the module given to
 * `InvoicingModule.forRoot` (invoice delivery's outbox).
 */
export abstract class IssuedInvoicesOutbox {
  abstract enqueue(issued: IssuedInvoice[]): Promise<void>;
}
