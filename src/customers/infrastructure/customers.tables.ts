import type { Selectable } from 'kysely';
import type { KyselyTables } from '../../shared/database/kysely-tables';
import type { CustomerEntity } from './customer.entity';
import type { PhoneNumberEntity } from './phone-number.entity';

/** The customers module's tables, for its typed queries. */
export type CustomersTables = KyselyTables<typeof CustomerEntity | typeof PhoneNumberEntity>;

/** A row of `customers`, as a query answers it. */
export type CustomerRow = Selectable<CustomersTables['customers']>;
