import { DomainError } from '../domain/domain-error';

export interface Page<T> {
  data: T[];
  nextCursor: string | null;
}

export interface PageRequest {
  limit: number;
  cursor: string | null;
}

export class InvalidCursorError extends DomainError {
  readonly code = 'invalid_cursor';
  readonly category = 'validation';
  constructor() {
    super('cursor is not one this service issued for this list', 'cursor');
  }
}

/**
 * Keyset cursors: the sort key of the last item returned, opaque to clients (base64url JSON).
 * The query always filters by the caller's own scope, so a crafted cursor can only move within it.
 */
export function encodeCursor(key: Record<string, string>): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

/** Cursors are base64url text; Node's decoder would skip other characters instead of refusing them. */
export const CURSOR_PATTERN = /^[A-Za-z0-9_-]{1,512}$/;

export type CursorFieldKind = 'instant' | 'uuid' | 'period' | 'line';

const CURSOR_FIELD_CHECKS: Record<CursorFieldKind, (value: string) => boolean> = {
  instant: (value) => /^\d{4}-\d{2}-\d{2}T[\d:.]+Z$/.test(value) && !Number.isNaN(Date.parse(value)),
  uuid: (value) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(value),
  period: (value) => /^\d{4}-(0[1-9]|1[0-2])$/.test(value),
  line: (value) => /^[1-9]\d{0,9}$/.test(value),
};

/** Decodes a cursor and checks every field's shape, so a crafted cursor is a 400, never a query error. */
export function decodeCursor<K extends string>(
  cursor: string,
  fields: Record<K, CursorFieldKind>,
): Record<K, string> {
  if (!CURSOR_PATTERN.test(cursor)) throw new InvalidCursorError();
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new InvalidCursorError();
  }
  if (typeof decoded !== 'object' || decoded === null) throw new InvalidCursorError();
  const key = decoded as Record<string, unknown>;
  for (const [field, kind] of Object.entries(fields) as [K, CursorFieldKind][]) {
    const value = key[field];
    if (typeof value !== 'string' || !CURSOR_FIELD_CHECKS[kind](value)) throw new InvalidCursorError();
  }
  return key as Record<K, string>;
}

/** Fetch `limit + 1` rows; the extra one only says whether there is a next page. */
export function toPage<T>(rows: T[], limit: number, keyOf: (item: T) => Record<string, string>): Page<T> {
  const data = rows.slice(0, limit);
  const last = data[data.length - 1];
  return { data, nextCursor: rows.length > limit && last ? encodeCursor(keyOf(last)) : null };
}
