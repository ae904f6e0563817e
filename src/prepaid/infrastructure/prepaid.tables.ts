import type { KyselyTables } from '../../shared/database/kysely-tables';
import type { PrepaidBalanceEntity } from './prepaid-balance.entity';
import type { PrepaidLedgerEntryEntity } from './prepaid-ledger-entry.entity';

/** The prepaid module's tables, for its typed queries. */
export type PrepaidTables = KyselyTables<typeof PrepaidLedgerEntryEntity | typeof PrepaidBalanceEntity>;
