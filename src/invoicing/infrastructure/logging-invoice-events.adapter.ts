import { Injectable, Logger } from '@nestjs/common';
import { InvoiceEvents } from '../application/invoice-events.port';
import type { Invoice } from '../domain/invoice';

/** The default InvoiceIssued adapter: a structured log line per invoice. */
@Injectable()
export class LoggingInvoiceEvents extends InvoiceEvents {
  private readonly logger = new Logger('InvoiceIssued');

  invoicesIssued(invoices: Invoice[]): Promise<void> {
    for (const invoice of invoices) {
      this.logger.log(
        {
          invoiceId: invoice.id,
          number: invoice.number,
          customerId: invoice.customerId,
          period: invoice.period.code,
          total: invoice.total.toJSON(),
        },
        'Invoice issued',
      );
    }
    return Promise.resolve();
  }
}
