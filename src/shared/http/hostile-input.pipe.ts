import { ArgumentMetadata, Injectable, PipeTransform } from '@nestjs/common';
import { RequestValidationError } from './request-validation.error';

/** Deeper than any request this API takes (a call batch is 3 levels); stops recursion in the validators. */
const MAX_DEPTH = 32;

/**
 * The first global pipe: refuses, on every body, query and path value, what no field accepts but
 * would otherwise reach code that chokes on it: NUL characters (PostgreSQL text cannot hold them)
 * and JSON nested deeply enough to overflow the recursive validators. Walks iteratively.
 */
@Injectable()
export class HostileInputPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (metadata.type === 'custom') return value;
    const stack: { value: unknown; field: string; depth: number }[] = [
      { value, field: metadata.data ?? '', depth: 0 },
    ];
    while (stack.length > 0) {
      const item = stack.pop()!;
      if (typeof item.value === 'string') {
        if (item.value.includes('\u0000')) throw refusal(item.field, 'must not contain NUL characters');
        continue;
      }
      if (typeof item.value !== 'object' || item.value === null) continue;
      if (item.depth >= MAX_DEPTH) throw refusal(item.field, `is nested more than ${MAX_DEPTH} levels deep`);
      for (const [key, child] of Object.entries(item.value)) {
        if (key.includes('\u0000')) throw refusal(item.field, 'must not contain NUL characters');
        const field = Array.isArray(item.value)
          ? `${item.field}[${key}]`
          : item.field
            ? `${item.field}.${key}`
            : key;
        stack.push({ value: child, field, depth: item.depth + 1 });
      }
    }
    return value;
  }
}

function refusal(field: string, message: string): RequestValidationError {
  return new RequestValidationError([{ field: field || 'body', message }]);
}
