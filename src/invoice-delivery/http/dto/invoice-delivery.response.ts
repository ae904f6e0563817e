import { ApiProperty } from '@nestjs/swagger';
import { freeText, INSTANT, integer } from '../../../shared/http/schema-fragments';
import type { InvoiceDeliveryView } from '../../application/delivery-job.repository';
import { DELIVERY_CHANNELS, MAX_ERROR_LENGTH } from '../../domain/delivery';

/** DELIVERY_MAX_ATTEMPTS can be set up to this. */
const MAX_ATTEMPTS = 100;

export class InvoiceDeliveryResponse {
  @ApiProperty({ enum: DELIVERY_CHANNELS, example: 'webhook' })
  channel!: string;
  @ApiProperty({
    enum: ['pending', 'delivered', 'failed'],
    example: 'delivered',
    description: 'pending: not sent yet, or waiting for its next try; failed: every try failed',
  })
  status!: string;
  @ApiProperty({
    ...integer(0, MAX_ATTEMPTS),
    example: 3,
    description: 'Attempts made so far (at most DELIVERY_MAX_ATTEMPTS)',
  })
  attempts!: number;
  @ApiProperty({
    ...freeText(MAX_ERROR_LENGTH),
    nullable: true,
    example: 'the receiver answered HTTP 503',
    description: 'Why the latest failed attempt failed (kept after a later success); null if none failed',
  })
  lastError!: string | null;
  @ApiProperty({ ...INSTANT, nullable: true, example: '2026-11-01T00:06:30Z' })
  deliveredAt!: string | null;

  static of({ channel, delivery }: InvoiceDeliveryView): InvoiceDeliveryResponse {
    const { status, attempts, lastError, deliveredAt } = delivery.state;
    return {
      channel,
      status,
      attempts,
      lastError,
      deliveredAt: deliveredAt ? deliveredAt.toISOString().replace('.000Z', 'Z') : null,
    };
  }
}

export class InvoiceDeliveriesResponse {
  @ApiProperty({
    type: [InvoiceDeliveryResponse],
    maxItems: 2,
    description: 'One per channel the invoice was queued for when it was issued; email first',
  })
  data!: InvoiceDeliveryResponse[];
}
