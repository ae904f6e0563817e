import { ApiProperty } from '@nestjs/swagger';
import { MoneyResponse } from '../../../shared/http/money.response';
import type { Invoice } from '../../domain/invoice';

export class InvoiceLineResponse {
  @ApiProperty({ enum: ['usage', 'late_usage', 'fixed_fee', 'overage', 'prepaid_applied'], example: 'usage' })
  kind!: string;
  @ApiProperty({ example: '412 minutes at 0.02 USD' })
  description!: string;
  @ApiProperty({ example: '2026-10' })
  period!: string;
  @ApiProperty({ example: 412 })
  quantity!: number;
  @ApiProperty({ example: '0.02', nullable: true, type: String })
  unitPrice!: string | null;
  @ApiProperty({ example: '8.24', description: 'Rounded half-up (away from zero) to the cent' })
  amount!: string;
}

export class InvoiceResponse {
  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  id!: string | null;
  @ApiProperty({ example: 'INV-2026-000042', nullable: true, type: String })
  number!: string | null;
  @ApiProperty({ format: 'uuid' })
  customerId!: string;
  @ApiProperty({ example: '2026-10' })
  period!: string;
  @ApiProperty({ example: '2026-09-30T23:00:00Z' })
  periodStart!: string;
  @ApiProperty({ example: '2026-10-31T23:00:00Z' })
  periodEnd!: string;
  @ApiProperty({ example: 'Europe/Lisbon' })
  timezone!: string;
  @ApiProperty({ example: 'postpaid' })
  plan!: string;
  @ApiProperty({ enum: ['issued', 'upcoming'] })
  status!: string;
  @ApiProperty({ nullable: true, type: String, example: '2026-11-01T00:05:00Z' })
  issuedAt!: string | null;
  @ApiProperty({ example: 31, description: "Calls of the invoice's own period" })
  callCount!: number;
  @ApiProperty({ example: 412 })
  minutes!: number;
  @ApiProperty({ type: [InvoiceLineResponse] })
  lines!: InvoiceLineResponse[];
  @ApiProperty({ type: MoneyResponse, example: { amount: '8.24', currency: 'USD' } })
  total!: MoneyResponse;

  static of(invoice: Invoice): InvoiceResponse {
    return {
      id: invoice.id,
      number: invoice.number,
      customerId: invoice.customerId,
      period: invoice.period.code,
      periodStart: utc(invoice.period.start),
      periodEnd: utc(invoice.period.end),
      timezone: invoice.period.zone.name,
      plan: invoice.plan,
      status: invoice.status,
      issuedAt: invoice.issuedAt ? utc(invoice.issuedAt) : null,
      callCount: invoice.callCount,
      minutes: invoice.minutes,
      lines: invoice.lines.map((line) => ({
        kind: line.kind,
        description: line.description,
        period: line.period,
        quantity: line.quantity,
        unitPrice: line.unitPrice?.toString() ?? null,
        amount: line.amount.toString(),
      })),
      total: invoice.total.toJSON(),
    };
  }
}

/** `2026-09-30T23:00:00Z`: whole-second instants without milliseconds, as the API shows them. */
function utc(instant: Date): string {
  return instant.toISOString().replace('.000Z', 'Z');
}

export class InvoicePageResponse {
  @ApiProperty({ type: [InvoiceResponse] })
  data!: InvoiceResponse[];
  @ApiProperty({ nullable: true, type: String })
  nextCursor!: string | null;
}

export class InvoicingRunResponse {
  @ApiProperty({ example: '2026-09', nullable: true, type: String })
  period!: string | null;
  @ApiProperty({ example: 1200, description: 'Customers due an invoice for the period' })
  customers!: number;
  @ApiProperty({ example: 1198 })
  created!: number;
  @ApiProperty({ example: 2 })
  alreadyInvoiced!: number;
  @ApiProperty({ example: 0 })
  failed!: number;
}
