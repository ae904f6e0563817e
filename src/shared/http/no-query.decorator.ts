import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { fieldPath } from '../domain/field-path';
import { RequestValidationError } from './request-validation.error';

/**
 * For an operation that takes no query parameter: any it is sent is refused as unknown (400), as
 * unknown body fields are, rather than silently ignored (`GET /v1/plans?limit=5` pages nothing).
 */
export const NoQuery = createParamDecorator((_data: unknown, context: ExecutionContext): void => {
  const query = context.switchToHttp().getRequest<{ query?: Record<string, unknown> }>().query ?? {};
  const unknown = Object.keys(query);
  if (unknown.length > 0)
    throw new RequestValidationError(
      unknown.map((name) => ({ field: fieldPath('', name), message: 'is not a known field' })),
    );
});
