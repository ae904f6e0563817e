import { Migrator } from '@mikro-orm/migrations';
import { defineConfig, type Options } from '@mikro-orm/postgresql';
import { migrations } from './src/migrations';
import { AuditEventEntity } from './src/audit/infrastructure/audit-event.entity';
import { CustomerApiKeyEntity } from './src/auth/infrastructure/customer-api-key.entity';
import { CallEntity } from './src/calls/infrastructure/call.entity';
import { CdrFileErrorEntity } from './src/cdr-files/infrastructure/cdr-file-error.entity';
import { CdrFileEntity } from './src/cdr-files/infrastructure/cdr-file.entity';
import { NotBillableRecordEntity } from './src/cdr-files/infrastructure/not-billable-record.entity';
import { CustomerEntity } from './src/customers/infrastructure/customer.entity';
import { PhoneNumberEntity } from './src/customers/infrastructure/phone-number.entity';
import { InvoiceDeliveryEntity } from './src/invoice-delivery/infrastructure/invoice-delivery.entity';
import { InvoiceNumberCounterEntity } from './src/invoicing/infrastructure/invoice-number-counter.entity';
import { InvoiceEntity } from './src/invoicing/infrastructure/invoice.entity';
import { PortalLinkEntity } from './src/portal/infrastructure/portal-link.entity';
import { PortalSessionEntity } from './src/portal/infrastructure/portal-session.entity';
import { PrepaidBalanceEntity } from './src/prepaid/infrastructure/prepaid-balance.entity';
import { PrepaidLedgerEntryEntity } from './src/prepaid/infrastructure/prepaid-ledger-entry.entity';
import { SuspendedCallEntity } from './src/suspense/infrastructure/suspended-call.entity';

/**
 * The one MikroORM configuration shared by the app, the CLI and the tests. Every table's entity is
 * listed here (no folder discovery), each defined once in the `infrastructure/` of the module that
 * owns the table; `test/foundation/schema-matches-entities.e2e-spec.ts` checks that they describe
 * the schema the committed migrations build. The migrations are listed explicitly too.
 */
export function createOrmConfig(clientUrl: string, overrides: Partial<Options> = {}): Options {
  return defineConfig({
    clientUrl,
    entities: [
      CustomerEntity,
      PhoneNumberEntity,
      CallEntity,
      InvoiceEntity,
      InvoiceNumberCounterEntity,
      PrepaidLedgerEntryEntity,
      PrepaidBalanceEntity,
      CustomerApiKeyEntity,
      InvoiceDeliveryEntity,
      PortalLinkEntity,
      PortalSessionEntity,
      AuditEventEntity,
      CdrFileEntity,
      CdrFileErrorEntity,
      NotBillableRecordEntity,
      SuspendedCallEntity,
    ],
    extensions: [Migrator],
    migrations: {
      tableName: 'mikro_orm_migrations',
      path: './dist/src/migrations',
      pathTs: './src/migrations',
      migrationsList: migrations,
      transactional: true,
      silent: true,
      // `npm run migration:create` diffs the entities against a scratch database the committed
      // migrations built, so no schema snapshot is kept.
      snapshot: false,
      snapshotOnMigrate: false,
    },
    pool: { min: 0, max: Number(process.env.DATABASE_POOL_SIZE ?? 10) },
    allowGlobalContext: false,
    debug: false,
    ...overrides,
  });
}

/** For the MikroORM CLI: `DATABASE_URL`, or the embedded server `npm start` runs. */
export default createOrmConfig(
  process.env.DATABASE_URL ?? 'postgres://postgres:postgres@127.0.0.1:54329/phone_billing',
);
