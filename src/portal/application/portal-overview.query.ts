import { Injectable } from '@nestjs/common';
import { PlanCatalog, type BillingPlan } from '../../billing-plans';
import { CustomerDirectory, type CustomerProfile } from '../../customers';
import { ListInvoicesQuery, PreviewUpcomingInvoiceQuery, type Invoice } from '../../invoicing';
import { GetBalanceQuery, type BalanceView } from '../../prepaid';
import { Clock } from '../../shared/clock/clock';
import { BillingPeriod } from '../../shared/domain/billing-period';
import { firstInvoiceAt, nextInvoiceAt, type ExpectedInvoice } from '../domain/invoice-schedule';

const LATEST_INVOICES = 3;

export interface PortalOverview {
  customer: CustomerProfile;
  /** The plan in force in the open period. */
  plan: BillingPlan;
  /** The plan from the next period on, when a change is scheduled; else null. */
  nextPlan: string | null;
  /** The open period's invoice so far (nothing stored). */
  openPeriod: Invoice;
  /** Prepaid plans only. */
  balance: BalanceView | null;
  latestInvoices: Invoice[];
  /** The next invoice to come: the first one for a customer who has none yet. */
  nextInvoice: ExpectedInvoice;
}

/** The portal's home page: the customer's plan, the open period so far, balance and latest invoices. */
@Injectable()
export class PortalOverviewQuery {
  constructor(
    private readonly customers: CustomerDirectory,
    private readonly catalog: PlanCatalog,
    private readonly preview: PreviewUpcomingInvoiceQuery,
    private readonly invoices: ListInvoicesQuery,
    private readonly balances: GetBalanceQuery,
    private readonly clock: Clock,
  ) {}

  async execute(customerId: string): Promise<PortalOverview> {
    const now = this.clock.now();
    const customer = await this.customers.get(customerId);
    const open = BillingPeriod.containing(now, customer.timezone);
    const plan = this.catalog.inForce(customer.planDuring(open.code));
    const nextPlanCode = customer.planDuring(open.next().code);
    const [openPeriod, latest, balance] = await Promise.all([
      this.preview.execute(customer.id),
      this.invoices.execute(customer.id, { limit: LATEST_INVOICES, cursor: null }),
      plan.drawsFromBalance ? this.balances.execute(customer.id) : Promise.resolve(null),
    ]);
    return {
      customer,
      plan,
      nextPlan: nextPlanCode === plan.code ? null : nextPlanCode,
      openPeriod,
      balance,
      latestInvoices: latest.data,
      nextInvoice:
        latest.data.length === 0
          ? firstInvoiceAt(now, customer.timezone, customer.createdAt)
          : nextInvoiceAt(now, customer.timezone),
    };
  }
}
