import { Injectable } from '@nestjs/common';
import { ListInvoiceCallsQuery, type InvoiceCallView } from '../../calls';
import type { Page, PageRequest } from '../../shared/pagination/page';
import { GetInvoiceQuery } from './get-invoice.query';

/**
 * The calls an issued invoice billed (its period's on-time calls and the late calls it claimed),
 * oldest first: every figure on the invoice can be listed call by call.
 */
@Injectable()
export class ListBilledCallsQuery {
  constructor(
    private readonly invoices: GetInvoiceQuery,
    private readonly calls: ListInvoiceCallsQuery,
  ) {}

  /** `visibleTo`: a customer id to read only that customer's invoices (another's is "not found"). */
  async execute(
    invoiceId: string,
    visibleTo: string | null,
    request: PageRequest,
  ): Promise<Page<InvoiceCallView>> {
    const invoice = await this.invoices.execute(invoiceId, visibleTo);
    return this.calls.execute(
      {
        invoiceId,
        customerId: invoice.customerId,
        periodStart: invoice.period.start,
        periodEnd: invoice.period.end,
      },
      request,
    );
  }
}
