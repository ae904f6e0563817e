import type { Selectable } from 'kysely';
import type { KyselyTables } from '../../shared/database/kysely-tables';
import type { InvoiceNumberCounterEntity } from './invoice-number-counter.entity';
import type { InvoiceEntity } from './invoice.entity';

/** The invoicing module's tables, for its typed queries. */
export type InvoicingTables = KyselyTables<typeof InvoiceEntity | typeof InvoiceNumberCounterEntity>;

/** A row of `invoices`, as a query answers it. */
export type InvoiceRow = Selectable<InvoicingTables['invoices']>;
