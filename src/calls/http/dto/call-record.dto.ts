import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ItemsJudgedAlone } from '../../../shared/http/items-judged-alone';

/** Documentation of a call record; the rules are enforced by the domain's parseCallRecord. */
export class CallRecordDto {
  @ApiProperty({
    example: 'sw1-000123',
    pattern: '^[A-Za-z0-9._:-]{1,128}$',
    description: 'The idempotency key',
  })
  callId!: string;
  @ApiProperty({ example: '+351912345678', description: 'The customer line that made the call' })
  phoneNumber!: string;
  @ApiPropertyOptional({ example: '+14155550100', maxLength: 32, nullable: true })
  destination?: string | null;
  @ApiProperty({
    example: '2026-10-05T14:03:00Z',
    description: 'ISO 8601 with an offset; at most 5 minutes ahead',
  })
  startedAt!: string;
  @ApiProperty({ example: 3, minimum: 1, maximum: 1440, description: 'Whole minutes, 1..MAX_CALL_MINUTES' })
  minutes!: number;
}

@ItemsJudgedAlone('calls')
export class CallBatchDto {
  @ApiProperty({ type: [CallRecordDto], maxItems: 10000 })
  calls!: CallRecordDto[];
}
