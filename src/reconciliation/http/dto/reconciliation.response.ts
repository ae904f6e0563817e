import { ApiProperty } from '@nestjs/swagger';
import { freeText, integer, MAX_COUNT } from '../../../shared/http/schema-fragments';
import { CHARGES_RULE, RECEIVED_RULE } from '../../domain/month-reconciliation';
import { MONTH_PATTERN } from '../../domain/utc-month';

/** Exact charges, before invoice rounding, always with the 6 decimals charges keep. */
const CHARGES = { type: String, pattern: '^(0|[1-9][0-9]*)\\.[0-9]{6}$', maxLength: 40 };
const COUNT = integer(0, MAX_COUNT);

class ReceivedFigures {
  @ApiProperty({
    ...COUNT,
    example: 1000,
    description: 'Call records, each callId once (replays are not new calls)',
  })
  calls!: number;
  @ApiProperty({ ...COUNT, example: 180000, description: "The switch's seconds of those records" })
  seconds!: number;
}

class RecordedFigures {
  @ApiProperty({ ...COUNT, example: 985, description: 'Calls recorded and charged' })
  calls!: number;
  @ApiProperty({ ...COUNT, example: 178200, description: 'Their billed seconds' })
  billedSeconds!: number;
  @ApiProperty({ ...CHARGES, example: '59.400000', description: 'The exact sum of their charges' })
  charges!: string;
}

class CountFigure {
  @ApiProperty({ ...COUNT, example: 5 })
  calls!: number;
}

class SuspendedByReason {
  @ApiProperty({ ...COUNT, example: 5, description: 'Their line had no owner when they started' })
  'unknown-phone-number'!: number;
  @ApiProperty({ ...COUNT, example: 1, description: 'Their plan had no price for their destination' })
  'no-rate'!: number;
}

class SuspendedFigures {
  @ApiProperty({ ...COUNT, example: 6, description: 'Held in suspense now' })
  calls!: number;
  @ApiProperty({ type: SuspendedByReason })
  byReason!: SuspendedByReason;
}

class ChargedFigures {
  @ApiProperty({ ...COUNT, example: 980 })
  calls!: number;
  @ApiProperty({ ...CHARGES, example: '59.300000', description: 'Exact, before invoice rounding' })
  charges!: string;
}

class CheckResponse {
  @ApiProperty({ ...freeText(100), enum: [RECEIVED_RULE, CHARGES_RULE], example: RECEIVED_RULE })
  rule!: string;
  @ApiProperty({ type: Boolean, example: true, description: 'Whether the stored figures obey the rule' })
  holds!: boolean;
}

export class ReconciliationResponse {
  @ApiProperty({ type: String, pattern: MONTH_PATTERN.source, maxLength: 7, example: '2026-10' })
  month!: string;
  @ApiProperty({ type: ReceivedFigures, description: 'Every call record whose call started in the month' })
  received!: ReceivedFigures;
  @ApiProperty({ type: RecordedFigures })
  recorded!: RecordedFigures;
  @ApiProperty({
    type: CountFigure,
    description: 'Switch records not answered (billsec 0): counted, never charged',
    example: { calls: 5 },
  })
  notBillable!: CountFigure;
  @ApiProperty({ type: SuspendedFigures })
  suspended!: SuspendedFigures;
  @ApiProperty({
    type: CountFigure,
    description: 'Held calls written off: never charged',
    example: { calls: 4 },
  })
  writtenOff!: CountFigure;
  @ApiProperty({
    type: ChargedFigures,
    description:
      'Recorded calls an issued invoice billed: on-time calls of an invoiced customer period, and late calls a later invoice claimed',
    example: { calls: 980, charges: '59.300000' },
  })
  invoiced!: ChargedFigures;
  @ApiProperty({
    type: ChargedFigures,
    description:
      'Recorded calls no invoice has billed yet: of a period not invoiced yet, or late and not claimed yet',
    example: { calls: 5, charges: '0.100000' },
  })
  awaitingInvoice!: ChargedFigures;
  @ApiProperty({ type: [CheckResponse], minItems: 2, maxItems: 2 })
  checks!: CheckResponse[];
}

export const RECONCILIATION_EXAMPLE: ReconciliationResponse = {
  month: '2026-10',
  received: { calls: 1000, seconds: 180000 },
  recorded: { calls: 985, billedSeconds: 178200, charges: '59.400000' },
  notBillable: { calls: 5 },
  suspended: { calls: 6, byReason: { 'unknown-phone-number': 5, 'no-rate': 1 } },
  writtenOff: { calls: 4 },
  invoiced: { calls: 980, charges: '59.300000' },
  awaitingInvoice: { calls: 5, charges: '0.100000' },
  checks: [
    { rule: RECEIVED_RULE, holds: true },
    { rule: CHARGES_RULE, holds: true },
  ],
};
