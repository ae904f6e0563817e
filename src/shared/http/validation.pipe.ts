import { ArgumentMetadata, ValidationPipe } from '@nestjs/common';
import { itemsJudgedAloneIn } from './items-judged-alone';
import { RequestValidationError } from './request-validation.error';

/**
 * Whitelists DTO fields, rejects unknown ones and never converts types implicitly ("3" is not 3).
 * A body marked `@ItemsJudgedAlone` passes untouched: class-transformer would rebuild its items
 * (and turn an item's "__proto__" key into that item's prototype), and its use case judges them.
 */
export function createValidationPipe(): ValidationPipe {
  return new (class extends ValidationPipe {
    protected override toValidate(metadata: ArgumentMetadata): boolean {
      if (metadata.type === 'body' && itemsJudgedAloneIn(metadata.metatype).length > 0) return false;
      return super.toValidate(metadata);
    }
  })({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => RequestValidationError.fromClassValidator(errors),
  });
}
