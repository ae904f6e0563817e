import type { KyselyTables } from '../../shared/database/kysely-tables';
import type { CustomerApiKeyEntity } from './customer-api-key.entity';

/** The auth module's tables, for its typed queries. */
export type AuthTables = KyselyTables<typeof CustomerApiKeyEntity>;
