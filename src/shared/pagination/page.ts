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

export function decodeCursor<K extends string>(cursor: string, fields: readonly K[]): Record<K, string> {
  try {
    const decoded: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (typeof decoded !== 'object' || decoded === null) throw new InvalidCursorError();
    const key = decoded as Record<string, unknown>;
    for (const field of fields) if (typeof key[field] !== 'string') throw new InvalidCursorError();
    return key as Record<K, string>;
  } catch {
    throw new InvalidCursorError();
  }
}

/** Fetch `limit + 1` rows; the extra one only says whether there is a next page. */
export function toPage<T>(rows: T[], limit: number, keyOf: (item: T) => Record<string, string>): Page<T> {
  const data = rows.slice(0, limit);
  const last = data[data.length - 1];
  return { data, nextCursor: rows.length > limit && last ? encodeCursor(keyOf(last)) : null };
}
