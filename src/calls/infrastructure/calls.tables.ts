import type { Selectable } from 'kysely';
import type { KyselyTables } from '../../shared/database/kysely-tables';
import type { CallEntity } from './call.entity';

/** The calls module's table, for its typed queries. */
export type CallsTables = KyselyTables<typeof CallEntity>;

/** A row of `calls`, as a query answers it. */
export type CallRow = Selectable<CallsTables['calls']>;
