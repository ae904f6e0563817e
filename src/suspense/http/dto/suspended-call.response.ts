import { ApiProperty } from '@nestjs/swagger';
import { E164_PATTERN } from '../../../shared/domain/phone-number';
import { MAX_PAGE_SIZE } from '../../../shared/http/page-query.dto';
import {
  freeText,
  INSTANT,
  integer,
  MAX_COUNT,
  NEXT_CURSOR,
  UUID,
} from '../../../shared/http/schema-fragments';
import { SUSPENSE_REASONS, SUSPENSE_STATUSES, type SuspendedCall } from '../../domain/suspended-call';

class SuspendedCallSourceResponse {
  @ApiProperty({ type: String, enum: ['api', 'cdr-file'], example: 'api' })
  kind!: 'api' | 'cdr-file';
  @ApiProperty({ ...UUID, nullable: true, example: null, description: 'The CDR file (cdr-file only)' })
  cdrFileId!: string | null;
  @ApiProperty({
    ...integer(1),
    nullable: true,
    example: null,
    description: 'Its line in the file (cdr-file only)',
  })
  line!: number | null;
}

export class SuspendedCallResponse {
  @ApiProperty({ ...UUID, description: 'The held call (the suspendedCallId of the 422)' })
  id!: string;
  @ApiProperty({ type: String, pattern: '^[A-Za-z0-9._:-]{1,128}$', maxLength: 128, example: 'sw1-000124' })
  callId!: string;
  @ApiProperty({ type: String, pattern: E164_PATTERN.source, maxLength: 16, example: '+351900000000' })
  phoneNumber!: string;
  @ApiProperty({ ...freeText(32), nullable: true, example: '+14155550100' })
  destination!: string | null;
  @ApiProperty({ ...INSTANT, example: '2026-10-05T14:03:00.000Z' })
  startedAt!: string;
  @ApiProperty({ ...integer(1), example: 180 })
  durationSeconds!: number;
  @ApiProperty({ type: String, enum: SUSPENSE_REASONS, example: 'unknown-phone-number' })
  reason!: string;
  @ApiProperty({ type: String, enum: SUSPENSE_STATUSES, example: 'suspended' })
  status!: string;
  @ApiProperty({ type: SuspendedCallSourceResponse })
  source!: SuspendedCallSourceResponse;
  @ApiProperty({ ...INSTANT, example: '2026-10-05T14:05:00.000Z' })
  receivedAt!: string;
  @ApiProperty({ ...INSTANT, nullable: true, example: null, description: 'When recorded or written off' })
  resolvedAt!: string | null;
  @ApiProperty({
    ...UUID,
    nullable: true,
    example: null,
    description: 'The recorded call (its id), once recorded',
  })
  callIdOfRecord!: string | null;
  @ApiProperty({ ...freeText(500), nullable: true, example: null, description: 'The write-off note' })
  writeOffNote!: string | null;

  static of(call: SuspendedCall): SuspendedCallResponse {
    return {
      id: call.id,
      callId: call.callId,
      phoneNumber: call.phoneNumber,
      destination: call.destination,
      startedAt: call.startedAt.toISOString(),
      durationSeconds: call.durationSeconds,
      reason: call.reason,
      status: call.status,
      source:
        call.source.kind === 'cdr-file'
          ? { kind: 'cdr-file', cdrFileId: call.source.cdrFileId, line: call.source.line }
          : { kind: 'api', cdrFileId: null, line: null },
      receivedAt: call.receivedAt.toISOString(),
      resolvedAt: call.resolvedAt?.toISOString() ?? null,
      callIdOfRecord: call.callIdOfRecord,
      writeOffNote: call.writeOffNote,
    };
  }
}

export class SuspendedCallPageResponse {
  @ApiProperty({ type: [SuspendedCallResponse], maxItems: MAX_PAGE_SIZE })
  data!: SuspendedCallResponse[];
  @ApiProperty(NEXT_CURSOR)
  nextCursor!: string | null;
}

export class ReprocessResponse {
  @ApiProperty({
    ...integer(0, MAX_COUNT),
    example: 12,
    description: 'Held calls retried (locked by no other retry)',
  })
  retried!: number;
  @ApiProperty({ ...integer(0, MAX_COUNT), example: 10, description: 'Of them, recorded and charged now' })
  recorded!: number;
  @ApiProperty({ ...integer(0, MAX_COUNT), example: 2, description: 'Of them, still held' })
  stillSuspended!: number;
}
