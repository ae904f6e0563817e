import { ApiProperty } from '@nestjs/swagger';
import { MAX_PAGE_SIZE } from '../../../shared/http/page-query.dto';
import {
  freeText,
  INSTANT,
  integer,
  MAX_COUNT,
  NEXT_CURSOR,
  UUID,
} from '../../../shared/http/schema-fragments';
import type { CdrFileImport, RowError } from '../../domain/cdr-import';
import { CDR_FORMAT_NAMES } from '../../domain/formats/cdr-format.registry';
import { SOURCE_PATTERN } from '../../domain/row-call-id';

export class CdrFileErrorResponse {
  @ApiProperty({ ...integer(1), example: 17, description: 'The line of the file (1-based)' })
  line!: number;
  @ApiProperty({ ...freeText(1000), example: 'billsec -3 is negative' })
  reason!: string;
}

/** An import as listed (GET /v1/cdr-files): its counts, without its rejected rows. */
export class CdrFileSummaryResponse {
  @ApiProperty(UUID)
  id!: string;
  @ApiProperty({ type: String, pattern: SOURCE_PATTERN.source, maxLength: 48, example: 'sw1' })
  source!: string;
  @ApiProperty({ type: String, enum: CDR_FORMAT_NAMES, example: 'asterisk' })
  format!: string;
  @ApiProperty({
    type: String,
    pattern: '^[0-9a-f]{64}$',
    maxLength: 64,
    nullable: true,
    example: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08',
    description: "SHA-256 of the file's bytes; null until the import is complete",
  })
  sha256!: string | null;
  @ApiProperty({ ...INSTANT, description: 'When the upload started' })
  receivedAt!: string;
  @ApiProperty({
    type: String,
    enum: ['importing', 'complete', 'interrupted'],
    example: 'complete',
    description:
      'interrupted: the upload stopped before its end; the chunks recorded before stay recorded, and posting the file again completes it without duplicates',
  })
  status!: string;
  @ApiProperty({
    ...integer(0, MAX_COUNT),
    example: 1000,
    description: 'recorded + duplicates + notBillable + suspended + rejected',
  })
  records!: number;
  @ApiProperty({ ...integer(0, MAX_COUNT), example: 985 })
  recorded!: number;
  @ApiProperty({ ...integer(0, MAX_COUNT), example: 2 })
  duplicates!: number;
  @ApiProperty({ ...integer(0, MAX_COUNT), example: 5 })
  notBillable!: number;
  @ApiProperty({ ...integer(0, MAX_COUNT), example: 6 })
  suspended!: number;
  @ApiProperty({ ...integer(0, MAX_COUNT), example: 2 })
  rejected!: number;

  static of(file: CdrFileImport): CdrFileSummaryResponse {
    return {
      id: file.id,
      source: file.source,
      format: file.format,
      sha256: file.sha256,
      receivedAt: file.receivedAt.toISOString(),
      status: file.status,
      records: file.records,
      recorded: file.recorded,
      duplicates: file.duplicates,
      notBillable: file.notBillable,
      suspended: file.suspended,
      rejected: file.rejected,
    };
  }
}

/** An import with its first 100 rejected rows. */
export class CdrFileResponse extends CdrFileSummaryResponse {
  @ApiProperty({
    type: [CdrFileErrorResponse],
    maxItems: 100,
    description: 'The first 100 rejected rows; all of them at GET /v1/cdr-files/{id}/errors',
  })
  errors!: CdrFileErrorResponse[];

  static withErrors(file: CdrFileImport, errors: RowError[]): CdrFileResponse {
    return { ...CdrFileSummaryResponse.of(file), errors };
  }
}

export class CdrFilePageResponse {
  @ApiProperty({ type: [CdrFileSummaryResponse], maxItems: MAX_PAGE_SIZE })
  data!: CdrFileSummaryResponse[];
  @ApiProperty(NEXT_CURSOR)
  nextCursor!: string | null;
}

export class CdrFileErrorPageResponse {
  @ApiProperty({ type: [CdrFileErrorResponse], maxItems: MAX_PAGE_SIZE })
  data!: CdrFileErrorResponse[];
  @ApiProperty(NEXT_CURSOR)
  nextCursor!: string | null;
}
