import type { Selectable } from 'kysely';
import type { KyselyTables } from '../../shared/database/kysely-tables';
import type { InvoiceDeliveryEntity } from './invoice-delivery.entity';

/** The invoice delivery module's table, for its typed queries. */
export type InvoiceDeliveryTables = KyselyTables<typeof InvoiceDeliveryEntity>;

/** A row of `invoice_deliveries`, as a query answers it. */
export type InvoiceDeliveryRow = Selectable<InvoiceDeliveryTables['invoice_deliveries']>;
