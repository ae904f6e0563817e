import type { KyselyTables } from '../../shared/database/kysely-tables';
import type { CdrFileErrorEntity } from './cdr-file-error.entity';
import type { CdrFileEntity } from './cdr-file.entity';
import type { NotBillableRecordEntity } from './not-billable-record.entity';

/** The cdr-files module's tables, for its typed queries. */
export type CdrFilesTables = KyselyTables<
  typeof CdrFileEntity | typeof CdrFileErrorEntity | typeof NotBillableRecordEntity
>;
