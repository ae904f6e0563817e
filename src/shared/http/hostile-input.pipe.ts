import { ArgumentMetadata, Injectable, PipeTransform } from '@nestjs/common';
import { RequestValidationError } from './request-validation.error';

/** Deeper than any request this API takes (a call batch is 3 levels); stops recursion in the validators. */
const MAX_DEPTH = 32;
const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
/** In a `u` regular expression a surrogate pair is one code point: only unpaired halves match. */
const UNPAIRED_SURROGATE = /\p{Surrogate}/u;

/**
 * The first global pipe: refuses, on every body, query and path value, what no field accepts but
 * would otherwise reach code that chokes on it: NUL characters (PostgreSQL text cannot hold them),
 * unpaired UTF-16 surrogates (not text at all: the validators' encodeURI throws on them),
 * JSON nested deeply enough to overflow the recursive validators, and prototype keys (which the
 * validators would silently drop rather than refuse as unknown). Walks iteratively.
 */
@Injectable()
export class HostileInputPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (metadata.type === 'custom') return value;
    // A JSON `null` body is not "no body": every body of this API is an object.
    if (metadata.type === 'body' && value === null) throw refusal('body', 'must be a JSON object');
    const stack: { value: unknown; field: string; depth: number }[] = [
      { value, field: metadata.data ?? '', depth: 0 },
    ];
    while (stack.length > 0) {
      const item = stack.pop()!;
      if (typeof item.value === 'string') {
        refuseUnstorableText(item.value, item.field);
        continue;
      }
      if (typeof item.value !== 'object' || item.value === null) continue;
      if (item.depth >= MAX_DEPTH) throw refusal(item.field, `is nested more than ${MAX_DEPTH} levels deep`);
      for (const [key, child] of Object.entries(item.value)) {
        refuseUnstorableText(key, item.field);
        // No field has these names; a parser that kept them would let them reach object prototypes.
        if (PROTOTYPE_KEYS.has(key))
          throw refusal(childField(item.field, key, item.value), 'is not a known field');
        stack.push({ value: child, field: childField(item.field, key, item.value), depth: item.depth + 1 });
      }
    }
    return value;
  }
}

function refuseUnstorableText(text: string, field: string): void {
  if (text.includes('\u0000')) throw refusal(field, 'must not contain NUL characters');
  if (UNPAIRED_SURROGATE.test(text))
    throw refusal(field, 'must be valid Unicode text (an unpaired surrogate)');
}

function childField(parent: string, key: string, container: object): string {
  if (Array.isArray(container)) return `${parent}[${key}]`;
  return parent ? `${parent}.${key}` : key;
}

function refusal(field: string, message: string): RequestValidationError {
  return new RequestValidationError([{ field: field || 'body', message }]);
}
