import type { KyselyTables } from '../../shared/database/kysely-tables';
import type { AuditEventEntity } from './audit-event.entity';

/** The audit module's tables, for its typed queries. */
export type AuditTables = KyselyTables<typeof AuditEventEntity>;
