import type { Selectable } from 'kysely';
import type { KyselyTables } from '../../shared/database/kysely-tables';
import type { SuspendedCallEntity } from './suspended-call.entity';

/** The suspense module's table, for its typed queries. */
export type SuspenseTables = KyselyTables<typeof SuspendedCallEntity>;

/** A row of `suspended_calls`, as a query answers it. */
export type SuspendedCallRow = Selectable<SuspenseTables['suspended_calls']>;
