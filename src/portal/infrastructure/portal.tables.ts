import type { KyselyTables } from '../../shared/database/kysely-tables';
import type { PortalLinkEntity } from './portal-link.entity';
import type { PortalSessionEntity } from './portal-session.entity';

/** The portal module's tables, for its typed queries. */
export type PortalTables = KyselyTables<typeof PortalLinkEntity | typeof PortalSessionEntity>;
