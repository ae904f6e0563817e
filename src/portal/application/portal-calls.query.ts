import { Injectable } from '@nestjs/common';
import { GetCallHistoryQuery, type CallView } from '../../calls';
import { CustomerDirectory, type CustomerProfile } from '../../customers';
import { Clock } from '../../shared/clock/clock';
import { BillingPeriod } from '../../shared/domain/billing-period';
import type { Page } from '../../shared/pagination/page';
import { periodChoices } from '../domain/invoice-schedule';

/** Calls per page of the calls page. */
export const CALLS_PER_PAGE = 50;

export interface PortalCalls {
  customer: CustomerProfile;
  period: BillingPeriod;
  /** What the period picker offers, newest first (the shown period among them). */
  choices: BillingPeriod[];
  calls: Page<CallView>;
}

/**
 * One page of a period's calls, newest first, with keyset `cursor`s (the history's own). Without
 * `period`, the open one. A malformed period is an InvalidPeriodError, a foreign cursor an
 * InvalidCursorError (400 both).
 */
@Injectable()
export class PortalCallsQuery {
  constructor(
    private readonly customers: CustomerDirectory,
    private readonly history: GetCallHistoryQuery,
    private readonly clock: Clock,
  ) {}

  async execute(
    customerId: string,
    request: { period: string | null; cursor: string | null },
  ): Promise<PortalCalls> {
    const now = this.clock.now();
    const customer = await this.customers.get(customerId);
    const period = request.period
      ? BillingPeriod.parse(request.period, customer.timezone)
      : BillingPeriod.containing(now, customer.timezone);
    const calls = await this.history.execute({
      customerId: customer.id,
      period: period.code,
      limit: CALLS_PER_PAGE,
      cursor: request.cursor,
    });
    const choices = periodChoices(now, customer.timezone, customer.createdAt);
    if (!choices.some((choice) => choice.equals(period))) {
      choices.push(period);
      choices.sort((a, b) => b.compareTo(a));
    }
    return { customer, period, choices, calls };
  }
}
