import { DynamicModule, Module } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';
import type { AppConfig } from './config';
import { AuditModule } from './audit';
import { AuthModule } from './auth';
import { BillingPlansModule } from './billing-plans';
import { CallsModule, LineCallsModule } from './calls';
import { CdrFilesModule } from './cdr-files';
import { CustomersModule } from './customers';
import { HealthModule } from './health/health.module';
import { BalanceAlertsOutboxModule, InvoiceDeliveryModule, InvoiceOutboxModule } from './invoice-delivery';
import { InvoicedPeriodsModule, InvoicingModule } from './invoicing';
import { MetricsModule } from './metrics';
import { PortalModule } from './portal';
import { PrepaidModule } from './prepaid';
import { ReconciliationModule } from './reconciliation/reconciliation.module';
import { DatabaseModule } from './shared/database/database.module';
import { LoggingModule } from './shared/logging/logging.module';
import { ShutdownTasks } from './shared/shutdown-tasks';
import { SharedModule } from './shared/shared.module';
import { SuspenseModule, SuspenseStoreModule } from './suspense';

export interface AppModuleOptions {
  config: AppConfig;
  databaseUrl: string;
  /** Runs after everything else has shut down (stops the embedded database). */
  onShutdown?: () => Promise<void>;
}

/** Wires the modules; each module file lists its own use cases. */
@Module({})
export class AppModule {
  static forRoot({ config, databaseUrl, onShutdown }: AppModuleOptions): DynamicModule {
    // Modules that need each other the other way round get a port, plugged in here (no import cycle):
    // recording calls asks invoicing whether a period is invoiced; issuing queues deliveries through
    // invoice delivery's outbox, and invoice delivery reads these invoices; releasing a line asks
    // the calls module for its latest call (LineCallsModule, global); a drawdown queues balance.low
    // events in invoice delivery's outbox (BalanceAlertsOutboxModule, global); recording holds calls
    // in suspense (SuspenseStoreModule), and suspense records them through calls; assigning a line
    // retries its held calls (SuspenseModule, global, provides customers' LineAssignments); the
    // reconciliation reads the suspense and CDR files' ledgers (SuspenseStoreModule, CdrFilesModule).
    const invoicing = InvoicingModule.forRoot({ outbox: InvoiceOutboxModule });
    const invoiceDelivery = InvoiceDeliveryModule.forRoot({ invoicing });
    const calls = CallsModule.forRoot({
      invoicedPeriods: InvoicedPeriodsModule,
      suspense: SuspenseStoreModule,
    });
    const cdrFiles = CdrFilesModule.forRoot({ calls });
    return {
      module: AppModule,
      providers: [{ provide: ShutdownTasks, useValue: new ShutdownTasks(onShutdown) }],
      imports: [
        SharedModule.forRoot(config),
        LoggingModule.forRoot(config),
        DatabaseModule.forRoot(databaseUrl, config.DATABASE_POOL_SIZE),
        ScheduleModule.forRoot(),
        AuditModule,
        AuthModule,
        HealthModule,
        MetricsModule,
        BillingPlansModule,
        CustomersModule,
        LineCallsModule,
        BalanceAlertsOutboxModule,
        calls,
        SuspenseModule.forRoot({ calls }),
        invoicing,
        invoiceDelivery,
        PrepaidModule,
        PortalModule.forRoot({ calls, invoicing, invoiceDelivery }),
        cdrFiles,
        ReconciliationModule.forRoot({ ledgers: [SuspenseStoreModule, cdrFiles] }),
      ],
    };
  }
}
