import { ApiProperty, type ApiPropertyOptions, ApiPropertyOptional } from '@nestjs/swagger';
import { INSTANT_PATTERN, MAX_INSTANT_LENGTH } from '../../../shared/domain/instant';
import { INTERNATIONAL_NUMBER_PATTERN } from '../../../shared/domain/phone-number';
import { ITEMS_JUDGED_ALONE_EXTENSION, ItemsJudgedAlone } from '../../../shared/http/items-judged-alone';
import { freeText, integer } from '../../../shared/http/schema-fragments';
import { CALL_ID_PATTERN } from '../../domain/call-record';

export const MAX_BATCH = 10_000;

/**
 * Documentation of a call record; the rules are enforced by the domain's parseCallRecord, for a
 * single post and each batch item alike. `minutes`' maximum is MAX_CALL_MINUTES (and
 * `durationSeconds`' MAX_CALL_MINUTES × 60), set in the document from configuration.
 */
export class CallRecordDto {
  @ApiProperty({
    type: String,
    pattern: CALL_ID_PATTERN.source,
    maxLength: 128,
    example: 'sw1-000123',
    description: "The operator's unique id for the call: the idempotency key",
  })
  callId!: string;
  @ApiProperty({
    type: String,
    pattern: INTERNATIONAL_NUMBER_PATTERN.source,
    maxLength: 64,
    example: '+351912345678',
    description: 'The customer line that made the call, an international number',
  })
  phoneNumber!: string;
  @ApiPropertyOptional({ ...freeText(32), nullable: true, example: '+14155550100' })
  destination?: string | null;
  @ApiProperty({
    type: String,
    pattern: INSTANT_PATTERN.source,
    maxLength: MAX_INSTANT_LENGTH,
    example: '2026-10-05T14:03:00Z',
    description: 'ISO 8601 with an offset; at most 5 minutes ahead',
  })
  startedAt!: string;
  @ApiPropertyOptional({
    ...integer(1, 1440),
    example: 3,
    description: 'Whole minutes, 1..MAX_CALL_MINUTES; exactly one of minutes and durationSeconds',
  })
  minutes?: number;
  @ApiPropertyOptional({
    ...integer(1, 1440 * 60),
    example: 180,
    description:
      "The switch's billable seconds (billsec), 1..MAX_CALL_MINUTES × 60, instead of minutes (`minutes: 3` is `durationSeconds: 180`)",
  })
  durationSeconds?: number;
}

@ItemsJudgedAlone('calls')
export class CallBatchDto {
  @ApiProperty({
    type: [CallRecordDto],
    maxItems: MAX_BATCH,
    description: 'Each item is judged alone: a bad item is listed in `rejected`, the others are stored',
    [ITEMS_JUDGED_ALONE_EXTENSION]: true,
  } as ApiPropertyOptions)
  calls!: CallRecordDto[];
}
