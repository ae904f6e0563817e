import { Module } from '@nestjs/common';
import { AppConfiguration } from '../config';
import { IssuedInvoicesOutbox } from '../invoicing';
import { DeliveryChannels } from './application/delivery-channel';
import { configuredChannels } from './infrastructure/delivery-channel.registry';
import { MikroOrmIssuedInvoicesOutbox } from './infrastructure/mikro-orm-issued-invoices-outbox';

/**
 * The issuing side of invoice delivery: the channels that are on in this instance, and the outbox
 * the invoicing module queues deliveries through. It imports no module, so that the invoicing
 * module can import it (`InvoicingModule.forRoot({ outbox: InvoiceOutboxModule })`) while invoice
 * delivery imports invoicing: no cycle.
 */
@Module({
  providers: [
    { provide: DeliveryChannels, inject: [AppConfiguration], useFactory: configuredChannels },
    { provide: IssuedInvoicesOutbox, useClass: MikroOrmIssuedInvoicesOutbox },
  ],
  exports: [DeliveryChannels, IssuedInvoicesOutbox],
})
export class InvoiceOutboxModule {}
