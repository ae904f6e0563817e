import { Injectable, OnModuleInit } from '@nestjs/common';
import { Clock } from '../../shared/clock/clock';
import { BillingPeriod } from '../../shared/domain/billing-period';
import { counted } from '../../shared/domain/counted';
import { TimeZone } from '../../shared/domain/time-zone';
import { CustomerRepository } from './customer.repository';
import { PlanCodes } from './plan-codes.port';

/** The plan catalog lacks plans that customers need: start-up stops with this one line. */
export class PlansMissingFromCatalogError extends Error {}

/**
 * At start, before anything is served: every plan a customer is on, or will move to, or was on in
 * the last closed period (whose invoice may not be issued yet) must be in the catalog. Otherwise
 * their calls could not be rated nor their invoices issued, so the service refuses to start,
 * naming the plans and how many customers they concern.
 */
@Injectable()
export class VerifyCatalogCoversCustomers implements OnModuleInit {
  constructor(
    private readonly customers: CustomerRepository,
    private readonly plans: PlanCodes,
    private readonly clock: Clock,
  ) {}

  async onModuleInit(): Promise<void> {
    // A month before the current UTC month: at least the last closed period in every time zone.
    const since = BillingPeriod.containing(this.clock.now(), TimeZone.of('UTC')).previous().code;
    const missing = await this.customers.onPlansOutside(this.plans.all(), since);
    if (missing.plans.length === 0) return;
    const names = missing.plans.map((plan) => `"${plan}"`).join(', ');
    throw new PlansMissingFromCatalogError(
      `Invalid billing plans: ${this.plans.source()} has no plan ${names}, which ` +
        `${counted(missing.customers, 'customer is', 'customers are')} on or will move to. ` +
        'Put the plans back in the catalog (customers keep their plan code until they change plan)',
    );
  }
}
