import { DomainError } from './domain-error';
import { fieldPath } from './field-path';

/** Deeper than any input this service takes (a call batch is 3 levels); stops recursion in the validators. */
export const MAX_INPUT_DEPTH = 32;
const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
/** In a `u` regular expression a surrogate pair is one code point: only unpaired halves match. */
const UNPAIRED_SURROGATE = /\p{Surrogate}/u;

export interface InputRefusal {
  /** Where, relative to the value checked (`destination`, `phoneNumbers[2]`); '' is the value itself. */
  field: string;
  message: string;
}

/** The input breaks a rule that no field's own validation could report safely. */
export class UnstorableInputError extends DomainError {
  readonly code = 'validation_error';
  readonly category = 'validation';
  constructor(readonly refusal: InputRefusal) {
    super(`${refusal.field || 'body'}: ${refusal.message}`, refusal.field || undefined);
  }
}

export interface StorableInputOptions {
  /** The path of the value inside its request, prefixed to every refusal's field. */
  field?: string;
  /** Arrays at these paths are not walked: their items are judged one by one elsewhere. */
  itemsJudgedAlone?: string[];
}

/**
 * The rules every piece of client input obeys before any field rule looks at it, for a whole body,
 * one batch item or one file row alike: no NUL characters (PostgreSQL text cannot hold them), no
 * unpaired UTF-16 surrogates (not text: validators' encodeURI throws on them), no prototype keys
 * (`__proto__`, `constructor`, `prototype`: no field has these names, and merging them reaches
 * object prototypes), and no nesting deeper than MAX_INPUT_DEPTH. Walks iteratively; null when
 * the input obeys them all, else the first broken rule.
 */
export function findUnstorableInput(value: unknown, options: StorableInputOptions = {}): InputRefusal | null {
  const skipped = new Set(options.itemsJudgedAlone ?? []);
  const stack: { value: unknown; field: string; depth: number }[] = [
    { value, field: options.field ?? '', depth: 0 },
  ];
  while (stack.length > 0) {
    const item = stack.pop()!;
    if (typeof item.value === 'string') {
      const broken = unstorableText(item.value);
      if (broken) return { field: item.field, message: broken };
      continue;
    }
    if (typeof item.value !== 'object' || item.value === null) continue;
    if (item.depth >= MAX_INPUT_DEPTH)
      return { field: item.field, message: `is nested more than ${MAX_INPUT_DEPTH} levels deep` };
    if (Array.isArray(item.value) && skipped.has(item.field)) continue;
    for (const [key, child] of Object.entries(item.value)) {
      const broken = unstorableText(key);
      if (broken) return { field: item.field, message: broken }; // a key: the object holding it is named
      const field = fieldPath(item.field, Array.isArray(item.value) ? Number(key) : key);
      if (PROTOTYPE_KEYS.has(key)) return { field, message: 'is not a known field' };
      stack.push({ value: child, field, depth: item.depth + 1 });
    }
  }
  return null;
}

/** Throws UnstorableInputError for the first rule of findUnstorableInput the value breaks. */
export function assertStorableInput(value: unknown, options?: StorableInputOptions): void {
  const refusal = findUnstorableInput(value, options);
  if (refusal) throw new UnstorableInputError(refusal);
}

function unstorableText(text: string): string | null {
  if (text.includes('\u0000')) return 'must not contain NUL characters';
  if (UNPAIRED_SURROGATE.test(text)) return 'must be valid Unicode text (an unpaired surrogate)';
  return null;
}
