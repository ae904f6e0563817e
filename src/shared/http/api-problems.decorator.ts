import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, ApiResponse } from '@nestjs/swagger';

class FieldErrorSchema {
  @ApiProperty({ example: 'minutes' })
  field!: string;
  @ApiProperty({ example: 'minutes must be a whole number from 1 to 1440' })
  message!: string;
}

export class ProblemSchema {
  @ApiProperty({ example: 'https://phone-billing.dev/problems/invalid-minutes' })
  type!: string;
  @ApiProperty({ example: 'Invalid request' })
  title!: string;
  @ApiProperty({ example: 400 })
  status!: number;
  @ApiProperty({ example: 'minutes must be a whole number from 1 to 1440' })
  detail!: string;
  @ApiPropertyOptional({ type: [FieldErrorSchema] })
  errors?: FieldErrorSchema[];
}

const DESCRIPTIONS: Record<number, string> = {
  400: 'Invalid input (validation problem; `errors` names the fields)',
  401: 'Missing or wrong API key',
  403: 'The key may not use this endpoint',
  404: 'Not found (or not visible to this key)',
  409: 'Conflicts with stored state',
  413: 'Request body over the size limit',
  422: 'Well-formed, but refers to something unknown',
};

/** Documents the RFC 9457 problem responses an endpoint can give. */
export function ApiProblems(...statuses: number[]): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ...statuses.map((status) =>
      ApiResponse({
        status,
        description: DESCRIPTIONS[status] ?? 'Problem',
        content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/ProblemSchema' } } },
      }),
    ),
  );
}
