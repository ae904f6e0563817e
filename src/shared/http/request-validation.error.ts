import type { ValidationError } from 'class-validator';
import type { FieldError } from './problem';

/** Thrown by the global validation pipe: the body, path or query broke its declared shape. */
export class RequestValidationError extends Error {
  constructor(readonly errors: FieldError[]) {
    super(errors.map((error) => `${error.field}: ${error.message}`).join('; '));
  }

  static fromClassValidator(errors: ValidationError[]): RequestValidationError {
    return new RequestValidationError(flatten(errors, ''));
  }
}

function flatten(errors: ValidationError[], prefix: string): FieldError[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({
      field,
      message: unprefixed(message),
    }));
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

/** class-validator says "property minutes should not exist"; the field is already named. */
function unprefixed(message: string): string {
  return message.replace(/^property (\S+) should not exist$/, 'is not a known field');
}
