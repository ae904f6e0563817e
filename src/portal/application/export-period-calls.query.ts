import { Injectable } from '@nestjs/common';
import { GetCallHistoryQuery, type CallView } from '../../calls';
import { CustomerDirectory, type CustomerProfile } from '../../customers';
import { BillingPeriod } from '../../shared/domain/billing-period';

/** History pages are read this many calls at a time (the history's largest page). */
const EXPORT_PAGE = 500;

export interface PeriodCallsExport {
  customer: CustomerProfile;
  period: BillingPeriod;
  /** Every call of the period, newest first, read a page at a time as it is consumed. */
  calls: AsyncIterable<CallView>;
}

/**
 * All of a period's calls for a download. The customer and the period are checked before anything
 * is read (a malformed period is an InvalidPeriodError), so a download either starts whole or is
 * refused; memory stays one page whatever the number of calls.
 */
@Injectable()
export class ExportPeriodCallsQuery {
  constructor(
    private readonly customers: CustomerDirectory,
    private readonly history: GetCallHistoryQuery,
  ) {}

  async execute(customerId: string, periodCode: string): Promise<PeriodCallsExport> {
    const customer = await this.customers.get(customerId);
    const period = BillingPeriod.parse(periodCode, customer.timezone);
    return { customer, period, calls: this.pages(customer.id, period.code) };
  }

  private async *pages(customerId: string, period: string): AsyncGenerator<CallView> {
    let cursor: string | null = null;
    do {
      const page = await this.history.execute({ customerId, period, limit: EXPORT_PAGE, cursor });
      yield* page.data;
      cursor = page.nextCursor;
    } while (cursor);
  }
}
