import { Injectable, PipeTransform } from '@nestjs/common';
import type { Problem } from './problem';
import { RequestValidationError } from './request-validation.error';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Path ids are UUIDs; anything else is a 400 naming the parameter, never a database error. */
@Injectable()
export class UuidParamPipe implements PipeTransform<string, string> {
  constructor(private readonly name: string) {}

  transform(value: string): string {
    if (!UUID.test(value))
      throw new RequestValidationError([{ field: this.name, message: 'must be a UUID' }]);
    return value.toLowerCase();
  }
}

/** The 400 UuidParamPipe answers, as documents show it. */
export function notAUuidProblem(name: string): Problem {
  return new RequestValidationError([{ field: name, message: 'must be a UUID' }]).toProblem();
}
