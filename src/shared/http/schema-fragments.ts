import type { ApiPropertyOptions } from '@nestjs/swagger';
import { PERIOD_PATTERN } from '../domain/billing-period';
import { E164_PATTERN } from '../domain/phone-number';
import { CURSOR_PATTERN } from '../pagination/page';
import { FREE_TEXT } from './fields';

/**
 * Schemas of the values responses carry, for `@ApiProperty({ ...fragment, example })`: every string
 * with its length and format or pattern, every integer with its range and format, as the service
 * writes them.
 */

/** The id examples use. */
export const EXAMPLE_UUID = '0b7c6f0e-6a44-4e8e-9d1b-2f5c8f4c1a11';

export const UUID: ApiPropertyOptions = {
  type: String,
  format: 'uuid',
  maxLength: 36,
  example: EXAMPLE_UUID,
};

/** `toISOString()`: UTC with milliseconds, or whole seconds without them. */
export const INSTANT: ApiPropertyOptions = {
  type: String,
  format: 'date-time',
  maxLength: 24,
  example: '2026-10-05T14:03:00.000Z',
};

export const PERIOD: ApiPropertyOptions = {
  type: String,
  pattern: PERIOD_PATTERN.source,
  maxLength: 7,
  example: '2026-10',
};

export const E164: ApiPropertyOptions = {
  type: String,
  pattern: E164_PATTERN.source,
  maxLength: 16,
  example: '+351912345678',
};

/** A decimal string, never a JSON number, with at least two decimals: `"0.045"`, `"-0.20"`, `"12.34"`. */
export const DECIMAL: ApiPropertyOptions = {
  type: String,
  pattern: '^-?(0|[1-9][0-9]*)\\.[0-9]{2,}$',
  maxLength: 40,
  example: '12.34',
};

export const CURRENCY: ApiPropertyOptions = {
  type: String,
  pattern: '^[A-Z]{3}$',
  maxLength: 3,
  example: 'USD',
};

/** Text with no format (a name, a message), at most `maxLength` characters. */
export function freeText(maxLength: number): ApiPropertyOptions {
  return { type: String, maxLength, [FREE_TEXT]: true } as ApiPropertyOptions;
}

/** A count or quantity: a whole number from `minimum` to `maximum` (int32 unless it may exceed it). */
export function integer(minimum: number, maximum = 2_147_483_647): ApiPropertyOptions {
  return {
    type: 'integer',
    format: maximum > 2_147_483_647 || minimum < -2_147_483_648 ? 'int64' : 'int32',
    minimum,
    maximum,
  };
}

/** JSON's largest exact integer: counts that only a database of that size could reach. */
export const MAX_COUNT = Number.MAX_SAFE_INTEGER;

/** `nextCursor` of a page: opaque base64url text, null on the last page. */
export const NEXT_CURSOR: ApiPropertyOptions = {
  type: String,
  pattern: CURSOR_PATTERN.source,
  maxLength: 512,
  nullable: true,
  example: null,
  description: 'Pass as ?cursor= to read the next page; null on the last one',
};
