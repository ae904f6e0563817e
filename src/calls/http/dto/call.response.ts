import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PLAN_CODE_PATTERN } from '../../../billing-plans';
import { MoneyResponse } from '../../../shared/http/money.response';
import { MAX_PAGE_SIZE } from '../../../shared/http/page-query.dto';
import {
  DECIMAL,
  E164,
  freeText,
  INSTANT,
  integer,
  NEXT_CURSOR,
  PERIOD,
  UUID,
} from '../../../shared/http/schema-fragments';
import type { CallView } from '../../application/call-history.read-model';
import { CALL_ID_PATTERN } from '../../domain/call-record';
import type { Call } from '../../domain/call';
import { MAX_BATCH } from './call-record.dto';

/** Calls keep the minutes they were recorded with, up to the largest MAX_CALL_MINUTES configurable. */
const MAX_STORED_MINUTES = 1_000_000;
/** Billed seconds round a duration up to an increment: at most one increment (capped by the catalog) over it. */
const MAX_STORED_SECONDS = 2_000_000_000;

export class CallRateResponse {
  @ApiProperty({
    ...freeText(64),
    example: 'US and Canada',
    description:
      "The destination group of the plan's deck whose prefix priced the call; `default`: the plan's own rate",
  })
  group!: string;
  @ApiProperty({ ...DECIMAL, example: '0.02', description: 'Per minute, in the charge currency' })
  ratePerMinute!: string;
}

export class CallResponse implements CallView {
  @ApiProperty(UUID)
  id!: string;
  @ApiProperty({ type: String, pattern: CALL_ID_PATTERN.source, maxLength: 128, example: 'sw1-000123' })
  callId!: string;
  @ApiProperty(UUID)
  customerId!: string;
  @ApiProperty({ ...E164, description: 'The line that made the call' })
  phoneNumber!: string;
  @ApiProperty({ ...freeText(32), nullable: true, example: '+14155550100' })
  destination!: string | null;
  @ApiProperty(INSTANT)
  startedAt!: string;
  @ApiProperty({ ...integer(1, MAX_STORED_MINUTES), example: 3, description: 'ceil(durationSeconds / 60)' })
  minutes!: number;
  @ApiProperty({
    ...integer(1, MAX_STORED_MINUTES * 60),
    example: 180,
    description: "The switch's billable seconds (`minutes × 60` for a record sent in minutes)",
  })
  durationSeconds!: number;
  @ApiProperty({
    ...integer(1, MAX_STORED_SECONDS),
    example: 180,
    description: "durationSeconds rounded up by the plan's billing increment",
  })
  billedSeconds!: number;
  @ApiProperty({ type: CallRateResponse, description: 'The rate the call was charged at' })
  rate!: CallRateResponse;
  @ApiProperty({ type: MoneyResponse, description: 'What the plan charges for the call, exact' })
  charge!: MoneyResponse;
  @ApiProperty({
    type: String,
    pattern: PLAN_CODE_PATTERN.source,
    maxLength: 64,
    example: 'postpaid',
    description: 'The plan in force when the call started',
  })
  plan!: string;
  @ApiProperty({ ...PERIOD, description: 'Calendar month of startedAt in the customer time zone' })
  period!: string;
  @ApiProperty({ ...INSTANT, example: '2026-10-05T14:05:00.000Z' })
  receivedAt!: string;
  @ApiPropertyOptional({
    type: MoneyResponse,
    description: 'Prepaid calls only: the part of the charge the balance paid',
  })
  coveredByBalance?: MoneyResponse;

  static of(call: Call): CallResponse {
    return {
      id: call.id,
      callId: call.callId,
      customerId: call.customerId,
      phoneNumber: call.phoneNumber,
      destination: call.destination,
      startedAt: call.startedAt.toISOString(),
      minutes: call.minutes,
      durationSeconds: call.durationSeconds,
      billedSeconds: call.billedSeconds,
      rate: { group: call.rate.group, ratePerMinute: call.rate.ratePerMinute.toString() },
      charge: call.charge.toJSON(),
      plan: call.plan,
      period: call.period,
      receivedAt: call.receivedAt.toISOString(),
      ...(call.coveredByBalance ? { coveredByBalance: call.coveredByBalance.toJSON() } : {}),
    };
  }
}

/** A postpaid call, as the switch's POST /v1/calls answers it (no prepaid-only field). */
export const POSTPAID_CALL_EXAMPLE: CallResponse = {
  id: '7d1b3c2e-9f4a-4b8c-a1d2-3e4f5a6b7c8d',
  callId: 'sw1-000123',
  customerId: '0b7c6f0e-6a44-4e8e-9d1b-2f5c8f4c1a11',
  phoneNumber: '+351912345678',
  destination: '+14155550100',
  startedAt: '2026-10-05T14:03:00.000Z',
  minutes: 3,
  durationSeconds: 180,
  billedSeconds: 180,
  rate: { group: 'default', ratePerMinute: '0.02' },
  charge: { amount: '0.06', currency: 'USD' },
  plan: 'postpaid',
  period: '2026-10',
  receivedAt: '2026-10-05T14:05:00.000Z',
};

export class CallPageResponse {
  @ApiProperty({ type: [CallResponse], maxItems: MAX_PAGE_SIZE })
  data!: CallResponse[];
  @ApiProperty(NEXT_CURSOR)
  nextCursor!: string | null;
}

class RejectedCallResponse {
  @ApiProperty({ ...integer(0, MAX_BATCH - 1), example: 17, description: 'Position of the item in calls' })
  index!: number;
  @ApiProperty({
    type: String,
    pattern: CALL_ID_PATTERN.source,
    maxLength: 128,
    nullable: true,
    example: 'sw1-17',
    description: "The item's callId; null when it had no valid one",
  })
  callId!: string | null;
  @ApiProperty({ ...integer(400, 499), example: 422, description: 'The status POST /v1/calls would answer' })
  status!: number;
  @ApiProperty({
    type: String,
    format: 'uri',
    maxLength: 100,
    example: 'https://phone-billing.dev/problems/unknown-phone-number',
  })
  type!: string;
  @ApiProperty({ ...freeText(1000), example: 'unknown phone number +351900000000' })
  detail!: string;
  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    maxLength: 36,
    example: '019a1b2c-3d4e-7f60-8a9b-0c1d2e3f4a5b',
    description: 'Only for an item held in suspense (422): the held call, listed at GET /v1/suspended-calls',
  })
  suspendedCallId?: string;
}

export class CallBatchResponse {
  @ApiProperty({ ...integer(0, MAX_BATCH), example: 9998, description: 'Calls recorded and charged now' })
  accepted!: number;
  @ApiProperty({
    ...integer(0, MAX_BATCH),
    example: 1,
    description: 'Replays of calls already stored with the same content',
  })
  duplicates!: number;
  @ApiProperty({
    ...integer(0, MAX_BATCH),
    example: 1,
    description: 'Rejected items held in suspense (each listed in rejected with its suspendedCallId)',
  })
  suspended!: number;
  @ApiProperty({ type: [RejectedCallResponse], maxItems: MAX_BATCH })
  rejected!: RejectedCallResponse[];
}
