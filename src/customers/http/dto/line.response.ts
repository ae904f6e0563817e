import { ApiProperty } from '@nestjs/swagger';
import { E164_PATTERN } from '../../../shared/domain/phone-number';
import { INSTANT } from '../../../shared/http/schema-fragments';
import type { CustomerLine } from '../../domain/customer';

export class LineResponse {
  @ApiProperty({ type: String, pattern: E164_PATTERN.source, maxLength: 16, example: '+351912345678' })
  number!: string;
  @ApiProperty({
    ...INSTANT,
    nullable: true,
    example: '2026-10-01T00:00:00.000Z',
    description: "When the line became the customer's; null: since always",
  })
  from!: string | null;
  @ApiProperty({
    ...INSTANT,
    nullable: true,
    example: null,
    description: 'When it was released (exclusive); null: still open',
  })
  until!: string | null;

  static of(line: CustomerLine): LineResponse {
    return {
      number: line.number.e164,
      from: line.from?.toISOString() ?? null,
      until: line.until?.toISOString() ?? null,
    };
  }
}

/** A bound for the document: a customer's history is listed whole up to this many lines (the newest). */
export const MAX_LISTED_LINES = 10_000;

export class LineListResponse {
  @ApiProperty({
    type: [LineResponse],
    maxItems: MAX_LISTED_LINES,
    description: `The customer's lines, past and present, in the order they were assigned (the newest ${MAX_LISTED_LINES} at most)`,
  })
  data!: LineResponse[];
}
