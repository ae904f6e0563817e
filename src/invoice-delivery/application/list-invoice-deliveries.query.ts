import { Injectable } from '@nestjs/common';
import { GetInvoiceQuery } from '../../invoicing';
import { DeliveryJobRepository, InvoiceDeliveryView } from './delivery-job.repository';

/** An invoice's deliveries, one per channel it was queued for (none when no channel was configured). */
@Injectable()
export class ListInvoiceDeliveriesQuery {
  constructor(
    private readonly invoices: GetInvoiceQuery,
    private readonly deliveries: DeliveryJobRepository,
  ) {}

  async execute(invoiceId: string, visibleTo: string | null = null): Promise<InvoiceDeliveryView[]> {
    const invoice = await this.invoices.execute(invoiceId, visibleTo);
    return this.deliveries.listByInvoice(invoice.id!);
  }
}
