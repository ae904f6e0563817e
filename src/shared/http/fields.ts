import { applyDecorators } from '@nestjs/common';
import { ApiProperty, type ApiPropertyOptions } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { isEmail, ValidateBy, ValidateIf, type ValidationArguments } from 'class-validator';
import { INSTANT_PATTERN, MAX_INSTANT_LENGTH, parseInstant } from '../domain/instant';
import { INTERNATIONAL_NUMBER_PATTERN } from '../domain/phone-number';

/**
 * Request fields declared once: each decorator gives the OpenAPI schema and the validation of one
 * field from the same numbers, so the document cannot drift from what the service accepts. Each
 * broken rule gives one message, and only the true one (`limit=2.5` is not "less than 1").
 */

interface FieldDoc {
  description?: string;
  example?: unknown;
  /** Absent is fine; `null` is refused unless `nullable`. */
  optional?: boolean;
  nullable?: boolean;
}

/** Marks text with no format (names, references): the house Spectral rule excuses it from a pattern. */
export const FREE_TEXT = 'x-free-text';

/** The first rule `value` breaks, as the end of "<field> ...", or null when it keeps them all. */
type Rule = (value: unknown) => string | null;

function field(doc: FieldDoc, schema: ApiPropertyOptions, rule: Rule): PropertyDecorator {
  const { optional = false, nullable = false, description, example } = doc;
  return applyDecorators(
    ApiProperty({
      ...schema,
      description,
      example,
      // An object's schema lists its own required fields in `required`: then `selfRequired` says the field's.
      ...(Array.isArray((schema as { required?: unknown }).required)
        ? { selfRequired: !optional }
        : { required: !optional }),
      ...(nullable ? { nullable } : {}),
    } as ApiPropertyOptions),
    // Optional means "may be left out"; null only where the field is nullable.
    ValidateIf((_object, value) => !((optional && value === undefined) || (nullable && value === null))),
    ValidateBy({
      name: 'field',
      validator: {
        validate: (value: unknown) => rule(value) === null,
        defaultMessage: (args?: ValidationArguments) => {
          const property = args?.property ?? 'value';
          if (args?.value === undefined) return `${property} is required`;
          const broken = rule(args.value) ?? 'is not valid';
          return broken.startsWith('[') ? `${property}${broken}` : `${property} ${broken}`;
        },
      },
    }),
  );
}

export interface TextOptions extends FieldDoc {
  minLength?: number;
  maxLength: number;
  /** Enforced here, with `patternMessage`. */
  pattern?: RegExp;
  patternMessage?: string;
  /**
   * The domain's own pattern for this field, documented here: the domain checks it (and so the
   * length it bounds) with its own problem type (`invalid-period`, `invalid-cursor`, ...); the field
   * only checks that a string came. Every value the domain accepts matches it.
   */
  domainPattern?: RegExp;
  /** The domain checks the length too (with its own problem type): the field only checks the type. */
  checkedByDomain?: boolean;
  format?: string;
  /** No format to document: a name, a reference. */
  freeText?: boolean;
}

function lengthRule(minLength: number, maxLength: number): string {
  return minLength === 0
    ? `must be at most ${maxLength} characters long`
    : `must be ${minLength} to ${maxLength} characters long`;
}

export function textRule(options: TextOptions): Rule {
  const { minLength = 1, maxLength, pattern, patternMessage } = options;
  const byDomain = options.checkedByDomain || options.domainPattern !== undefined;
  return (value) => {
    if (typeof value !== 'string') return 'must be a string';
    if (byDomain) return null;
    if (value.length < minLength || value.length > maxLength) return lengthRule(minLength, maxLength);
    if (pattern && !pattern.test(value)) return patternMessage ?? `must match ${pattern.source}`;
    return null;
  };
}

/** A string field: type, length and (optionally) pattern. */
export function TextField(options: TextOptions): PropertyDecorator {
  const { minLength = 1, maxLength, pattern, domainPattern, format, freeText } = options;
  return field(
    options,
    {
      type: String,
      minLength,
      maxLength,
      pattern: (pattern ?? domainPattern)?.source,
      format,
      ...(freeText ? { [FREE_TEXT]: true } : {}),
    },
    textRule(options),
  );
}

/** An email address (RFC 5322 as validator.js reads it), at most 254 characters. */
export function EmailField(doc: FieldDoc): PropertyDecorator {
  const maxLength = 254;
  return field(doc, { type: String, format: 'email', maxLength }, (value) =>
    typeof value === 'string' && value.length <= maxLength && isEmail(value)
      ? null
      : `must be an email address of at most ${maxLength} characters`,
  );
}

export interface IntegerOptions extends FieldDoc {
  minimum: number;
  maximum: number;
  default?: number;
  /** Query strings arrive as text: only plain digits become a number ("2.5", "1e2", " 3" do not). */
  inQuery?: boolean;
}

/** A whole number in a range; one message whatever is wrong with it. */
export function IntegerField(options: IntegerOptions): PropertyDecorator {
  const { minimum, maximum, inQuery } = options;
  const decorators = [
    field(
      options,
      { type: 'integer', format: 'int32', minimum, maximum, default: options.default },
      (value) =>
        typeof value === 'number' && Number.isInteger(value) && value >= minimum && value <= maximum
          ? null
          : `must be a whole number from ${minimum} to ${maximum}`,
    ),
  ];
  if (inQuery) decorators.unshift(Transform(({ value }: { value: unknown }) => strictInteger(value)));
  return applyDecorators(...decorators);
}

function strictInteger(value: unknown): unknown {
  return typeof value === 'string' && /^\d{1,9}$/.test(value) ? Number(value) : value;
}

export interface TextListOptions extends FieldDoc {
  maxItems: number;
  /** What each item is, e.g. "phone numbers". */
  itemsName: string;
  item: TextOptions;
}

/** An array of strings, each checked like a TextField; the message names the first bad item. */
export function TextListField(options: TextListOptions): PropertyDecorator {
  const { maxItems, itemsName, item } = options;
  const itemRule = textRule(item);
  return field(
    options,
    {
      type: [String],
      maxItems,
      items: {
        type: 'string',
        minLength: item.minLength ?? 1,
        maxLength: item.maxLength,
        pattern: (item.pattern ?? item.domainPattern)?.source,
      },
    },
    (value) => {
      if (!Array.isArray(value)) return `must be an array of ${itemsName}`;
      if (value.length > maxItems) return `must hold at most ${maxItems} ${itemsName}`;
      const bad = value.findIndex((entry) => itemRule(entry) !== null);
      return bad < 0 ? null : `[${bad}] ${itemRule(value[bad])}`;
    },
  );
}

/**
 * A phone number in a query string. A literal `+` there reads as a space (`?phoneNumber=+351...`
 * arrives as " 351..."): that mistake gets a message saying to write `%2B`. Whether the number is
 * valid is the domain's rule (`invalid-phone-number`).
 */
export function PhoneNumberQueryField(doc: FieldDoc & { name: string }): PropertyDecorator {
  const text = textRule({ maxLength: 64, domainPattern: INTERNATIONAL_NUMBER_PATTERN });
  return field(
    { optional: true, ...doc },
    { type: String, maxLength: 64, pattern: INTERNATIONAL_NUMBER_PATTERN.source },
    (value) => {
      const broken = text(value);
      if (broken || !/^ [0-9]/.test(value as string)) return broken;
      const digits = (value as string).replace(/ /g, '');
      return `must start with a + written as %2B in a query string (a literal + reads as a space): ?${doc.name}=%2B${digits}`;
    },
  );
}

/** An instant in a query string: ISO 8601 with an offset, a real calendar date, not before 1970. */
export function InstantField(doc: FieldDoc): PropertyDecorator {
  return field(
    doc,
    { type: String, maxLength: MAX_INSTANT_LENGTH, pattern: INSTANT_PATTERN.source },
    (value) =>
      parseInstant(value) ? null : 'must be an ISO 8601 instant with an offset, e.g. 2026-10-01T00:00:00Z',
  );
}

/** An OpenAPI schema object, as written in the document. */
export type SchemaObject = Record<string, unknown>;

export interface ObjectOptions extends FieldDoc {
  /** The object's schema (`type: 'object'`, its properties); the domain checks its fields. */
  schema: SchemaObject;
}

/**
 * A JSON object whose fields the domain judges as a whole (an address: which fields are required
 * may depend on what is already stored), documented inline by `schema` (OpenAPI 3.0 has no
 * nullable reference). Here only "an object, not an array".
 */
export function ObjectField(options: ObjectOptions): PropertyDecorator {
  const doc = { ...options, example: options.example ?? options.schema.example };
  return field(doc, options.schema, (value) =>
    typeof value === 'object' && value !== null && !Array.isArray(value) ? null : 'must be an object',
  );
}
