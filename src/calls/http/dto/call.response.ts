import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { MoneyResponse } from '../../../shared/http/money.response';
import type { CallView } from '../../application/call-history.read-model';
import type { Call } from '../../domain/call';

export class CallResponse implements CallView {
  @ApiProperty({ format: 'uuid' })
  id!: string;
  @ApiProperty({ example: 'sw1-000123' })
  callId!: string;
  @ApiProperty({ format: 'uuid' })
  customerId!: string;
  @ApiProperty({ example: '+351912345678' })
  phoneNumber!: string;
  @ApiProperty({ example: '+14155550100', nullable: true, type: String })
  destination!: string | null;
  @ApiProperty({ example: '2026-10-05T14:03:00.000Z' })
  startedAt!: string;
  @ApiProperty({ example: 3 })
  minutes!: number;
  @ApiProperty({ type: MoneyResponse, example: { amount: '0.06', currency: 'USD' } })
  charge!: MoneyResponse;
  @ApiProperty({ example: 'postpaid', description: 'The plan in force when the call started' })
  plan!: string;
  @ApiProperty({ example: '2026-10', description: 'Calendar month of startedAt in the customer time zone' })
  period!: string;
  @ApiProperty({ example: '2026-10-05T14:05:00.000Z' })
  receivedAt!: string;
  @ApiPropertyOptional({
    type: MoneyResponse,
    description: 'Prepaid only: the part of the charge the balance paid',
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
      charge: call.charge.toJSON(),
      plan: call.plan,
      period: call.period,
      receivedAt: call.receivedAt.toISOString(),
      ...(call.coveredByBalance ? { coveredByBalance: call.coveredByBalance.toJSON() } : {}),
    };
  }
}

export class CallPageResponse {
  @ApiProperty({ type: [CallResponse] })
  data!: CallResponse[];
  @ApiProperty({ nullable: true, type: String })
  nextCursor!: string | null;
}

class RejectedCallResponse {
  @ApiProperty({ example: 17 })
  index!: number;
  @ApiProperty({ example: 'sw1-17', nullable: true, type: String })
  callId!: string | null;
  @ApiProperty({ example: 422 })
  status!: number;
  @ApiProperty({ example: 'https://phone-billing.dev/problems/unknown-phone-number' })
  type!: string;
  @ApiProperty({ example: 'unknown phone number +351900000000' })
  detail!: string;
}

export class CallBatchResponse {
  @ApiProperty({ example: 9998 })
  accepted!: number;
  @ApiProperty({ example: 1, description: 'Replays of calls already stored with the same content' })
  duplicates!: number;
  @ApiProperty({ type: [RejectedCallResponse] })
  rejected!: RejectedCallResponse[];
}
