import { ValidationPipe } from '@nestjs/common';
import { RequestValidationError } from './request-validation.error';

/** Whitelists DTO fields, rejects unknown ones and never converts types implicitly ("3" is not 3). */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => RequestValidationError.fromClassValidator(errors),
  });
}
