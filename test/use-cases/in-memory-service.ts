import { ContextualAuditTrail } from '../../src/audit/application/contextual-audit-trail';
import { InMemoryAuditEventRepository } from '../../src/audit/infrastructure/in-memory-audit-event.repository';
import { AuthenticateCallerQuery } from '../../src/auth/application/authenticate-caller.query';
import { IssueCustomerKeyUseCase } from '../../src/auth/application/issue-customer-key.use-case';
import { InMemoryCustomerApiKeyRepository } from '../../src/auth/infrastructure/in-memory-customer-api-key.repository';
import { DEFAULT_PLAN_CATALOG, PlanCatalog } from '../../src/billing-plans/domain/plan-catalog';
import { CallRater } from '../../src/calls/application/call-rater';
import { HoldUnchargeableCalls } from '../../src/calls/application/hold-unchargeable-calls';
import { RecordCallsUseCase } from '../../src/calls/application/record-calls.use-case';
import { InMemoryCallSuspense } from '../../src/suspense/infrastructure/in-memory-call-suspense';
import { StoreRatedCalls } from '../../src/calls/application/store-rated-calls';
import { InMemoryBillableCalls } from '../../src/calls/infrastructure/in-memory-billable-calls';
import { InMemoryCallRepository } from '../../src/calls/infrastructure/in-memory-call.repository';
import { loadConfig } from '../../src/config';
import { CustomerDirectory } from '../../src/customers/application/customer-directory';
import { RegisterCustomerUseCase } from '../../src/customers/application/register-customer.use-case';
import { CatalogPlanCodes } from '../../src/customers/infrastructure/catalog-plan-codes.adapter';
import { InMemoryCustomerRepository } from '../../src/customers/infrastructure/in-memory-customer.repository';
import { InvoiceEvents } from '../../src/invoicing/application/invoice-events.port';
import { IssueInvoiceUseCase } from '../../src/invoicing/application/issue-invoice.use-case';
import { IssueInvoices } from '../../src/invoicing/application/issue-invoices';
import {
  IssuedInvoice,
  IssuedInvoicesOutbox,
} from '../../src/invoicing/application/issued-invoices-outbox.port';
import { MissingInvoicePeriods } from '../../src/invoicing/application/missing-invoice-periods';
import { PreviewUpcomingInvoiceQuery } from '../../src/invoicing/application/preview-upcoming-invoice.query';
import { RunMonthlyInvoicingUseCase } from '../../src/invoicing/application/run-monthly-invoicing.use-case';
import type { Invoice } from '../../src/invoicing/domain/invoice';
import { InMemoryInvoiceRepository } from '../../src/invoicing/infrastructure/in-memory-invoice.repository';
import { InMemoryInvoicedPeriods } from '../../src/invoicing/infrastructure/in-memory-invoiced-periods';
import { BalanceAlerts, type LowBalanceAlert } from '../../src/prepaid/application/balance-alerts.port';
import { GetBalanceQuery } from '../../src/prepaid/application/get-balance.query';
import { PrepaidCharges } from '../../src/prepaid/application/prepaid-charges';
import { PrepaidCustomer } from '../../src/prepaid/application/prepaid-customer';
import { TopUpBalanceUseCase } from '../../src/prepaid/application/top-up-balance.use-case';
import { InMemoryPrepaidLedgerRepository } from '../../src/prepaid/infrastructure/in-memory-prepaid-ledger.repository';
import { FixedClock } from '../../src/shared/clock/fixed-clock';
import { ImmediateUnitOfWork } from '../../src/shared/transactions/immediate-unit-of-work';
import { PeriodLockKey, PeriodLocks } from '../../src/shared/transactions/period-locks';
import { CountingMetrics } from './counting-metrics';

/** The period locks a use case took, in order: a unit-test stand-in for PostgreSQL's advisory locks. */
export class RecordingPeriodLocks extends PeriodLocks {
  readonly taken: { mode: 'shared' | 'exclusive'; keys: PeriodLockKey[] }[] = [];

  lockShared(keys: PeriodLockKey[]): Promise<void> {
    return this.take('shared', keys);
  }

  lockExclusive(keys: PeriodLockKey[]): Promise<void> {
    return this.take('exclusive', keys);
  }

  private take(mode: 'shared' | 'exclusive', keys: PeriodLockKey[]): Promise<void> {
    if (keys.length > 0) {
      this.taken.push({ mode, keys: keys.map(({ customerId, period }) => ({ customerId, period })) });
    }
    return Promise.resolve();
  }
}

/** What issuing queued for delivery. */
export class RecordingOutbox extends IssuedInvoicesOutbox {
  readonly queued: IssuedInvoice[] = [];

  enqueue(issued: IssuedInvoice[]): Promise<void> {
    this.queued.push(...issued);
    return Promise.resolve();
  }
}

/** The balance.low alerts drawdowns queued. */
export class RecordingBalanceAlerts extends BalanceAlerts {
  readonly queued: LowBalanceAlert[] = [];

  enqueue(alerts: LowBalanceAlert[]): Promise<void> {
    this.queued.push(...alerts);
    return Promise.resolve();
  }
}

export class RecordingInvoiceEvents extends InvoiceEvents {
  readonly issued: Invoice[] = [];

  invoicesIssued(invoices: Invoice[]): Promise<void> {
    this.issued.push(...invoices);
    return Promise.resolve();
  }
}

/**
 * The service's use cases wired by hand on in-memory adapters (each kept honest by its contract
 * suite), a fixed clock and the built-in plan catalog: the application layer's behaviour, tested in
 * milliseconds, without Nest, HTTP or PostgreSQL.
 */
export function inMemoryService(
  now = '2026-10-15T12:00:00Z',
  env: Record<string, string> = {},
  plans: Record<string, unknown> = DEFAULT_PLAN_CATALOG,
) {
  const clock = new FixedClock(now);
  const config = loadConfig({ NODE_ENV: 'test', OPERATOR_API_KEY: 'in-memory-operator-key-0123', ...env });
  const catalog = PlanCatalog.fromConfiguration(plans, config.DEFAULT_PLAN);
  const unitOfWork = new ImmediateUnitOfWork();
  const periodLocks = new RecordingPeriodLocks();
  const auditEvents = new InMemoryAuditEventRepository();
  const audit = new ContextualAuditTrail(auditEvents, clock);

  const customers = new InMemoryCustomerRepository();
  const directory = new CustomerDirectory(customers);
  const keys = new InMemoryCustomerApiKeyRepository(async (id) => (await customers.findById(id)) !== null);
  const issueKey = new IssueCustomerKeyUseCase(keys, clock);
  const ledger = new InMemoryPrepaidLedgerRepository();
  const balanceAlerts = new RecordingBalanceAlerts();
  const prepaidCharges = new PrepaidCharges(ledger, unitOfWork, catalog, balanceAlerts);
  const prepaidCustomer = new PrepaidCustomer(directory, catalog, clock);
  const calls = new InMemoryCallRepository();
  const billableCalls = new InMemoryBillableCalls(calls.table);
  const invoices = new InMemoryInvoiceRepository();
  const outbox = new RecordingOutbox();
  const events = new RecordingInvoiceEvents();
  const metrics = new CountingMetrics();
  const issueInvoices = new IssueInvoices(
    unitOfWork,
    periodLocks,
    invoices,
    billableCalls,
    outbox,
    prepaidCharges,
    events,
    catalog,
    clock,
    config,
    metrics,
    audit,
  );
  const suspense = new InMemoryCallSuspense();
  const storeCalls = new StoreRatedCalls(
    calls,
    prepaidCharges,
    new InMemoryInvoicedPeriods(invoices),
    periodLocks,
    unitOfWork,
  );

  return {
    clock,
    adapters: {
      customers,
      keys,
      ledger,
      calls,
      billableCalls,
      invoices,
      outbox,
      balanceAlerts,
      events,
      periodLocks,
      metrics,
      auditEvents,
      suspense,
    },
    registerCustomer: new RegisterCustomerUseCase(
      customers,
      issueKey,
      unitOfWork,
      new CatalogPlanCodes(catalog, config),
      clock,
      config,
      audit,
    ),
    authenticate: new AuthenticateCallerQuery(keys, config),
    recordCalls: new RecordCallsUseCase(
      new HoldUnchargeableCalls(storeCalls, calls, suspense, unitOfWork),
      directory,
      new CallRater(catalog),
      clock,
      config,
      metrics,
    ),
    issueInvoices,
    issueInvoice: new IssueInvoiceUseCase(directory, invoices, billableCalls, issueInvoices, clock),
    runMonthlyInvoicing: new RunMonthlyInvoicingUseCase(
      directory,
      billableCalls,
      issueInvoices,
      new MissingInvoicePeriods(invoices, billableCalls),
      clock,
      config,
      metrics,
      audit,
      unitOfWork,
    ),
    previewUpcomingInvoice: new PreviewUpcomingInvoiceQuery(directory, billableCalls, catalog, clock),
    topUpBalance: new TopUpBalanceUseCase(prepaidCustomer, ledger, unitOfWork, clock, audit),
    getBalance: new GetBalanceQuery(prepaidCustomer, ledger, clock),
    directory,
  };
}

export type InMemoryService = ReturnType<typeof inMemoryService>;
