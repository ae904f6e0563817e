import type { ValidationError } from 'class-validator';
import { fieldPath } from '../domain/field-path';
import { type FieldError, type Problem, problemType } from './problem';

/** Problem details name at most this many broken rules; `detail` counts the rest. */
export const MAX_FIELD_ERRORS = 100;

/** Thrown by the input pipes: the body, path or query broke its declared shape. */
export class RequestValidationError extends Error {
  readonly errors: FieldError[];

  constructor(errors: FieldError[]) {
    const [first] = errors;
    const more = errors.length > 1 ? ` (and ${errors.length - 1} more: see errors)` : '';
    super(`${first.field}: ${first.message}${more}`);
    this.errors = errors.slice(0, MAX_FIELD_ERRORS);
  }

  toProblem(): Problem {
    return {
      type: problemType('validation_error'),
      title: 'Invalid request',
      status: 400,
      detail: this.message,
      errors: this.errors,
    };
  }

  static fromClassValidator(errors: ValidationError[]): RequestValidationError {
    return new RequestValidationError(flatten(errors, ''));
  }
}

function flatten(errors: ValidationError[], prefix: string): FieldError[] {
  return errors.flatMap((error) => {
    const field = fieldPath(prefix, error.property);
    const own = Object.values(error.constraints ?? {}).map((message) => ({
      field,
      message: unprefixed(message),
    }));
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

/** class-validator says "property minutes should not exist" (or "property  should not exist"); the field is named already. */
function unprefixed(message: string): string {
  return /^property .* should not exist$/s.test(message) ? 'is not a known field' : message;
}
