import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, ApiResponse } from '@nestjs/swagger';
import { DomainError } from '../domain/domain-error';
import { frameworkProblem } from './framework-problems';
import { domainProblem, Problem, problemType } from './problem';
import { MAX_FIELD_ERRORS } from './request-validation.error';
import { freeText, integer } from './schema-fragments';

class FieldErrorSchema {
  @ApiProperty({ ...freeText(200), description: 'The field, as a path into the request: calls[3].minutes' })
  field!: string;
  @ApiProperty({ ...freeText(500), description: 'What is wrong with it' })
  message!: string;
}

/** RFC 9457 problem details. Examples are per response, so that each status shows its own. */
export class ProblemSchema {
  @ApiProperty({
    type: String,
    format: 'uri',
    maxLength: 100,
    description: 'Stable URI naming the error: https://phone-billing.dev/problems/<rule>',
  })
  type!: string;
  @ApiProperty({ ...freeText(100), description: 'Short summary of the kind of error' })
  title!: string;
  @ApiProperty({ ...integer(400, 599), description: 'The HTTP status' })
  status!: number;
  @ApiProperty({ ...freeText(1000), description: 'What went wrong with this request' })
  detail!: string;
  @ApiPropertyOptional({
    type: [FieldErrorSchema],
    maxItems: MAX_FIELD_ERRORS,
    description: 'Validation problems: one entry per broken rule',
  })
  errors?: FieldErrorSchema[];
  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    maxLength: 36,
    description:
      'Only on a call record refused with 422 but held in suspense: the held call (GET /v1/suspended-calls)',
  })
  suspendedCallId?: string;
}

/** Examples of the refusals any operation may give, whatever its own rules. */
const UNKNOWN_QUERY_PARAMETER: Problem = {
  type: problemType('validation_error'),
  title: 'Invalid request',
  status: 400,
  detail: 'unexpected: is not a known field',
  errors: [{ field: 'unexpected', message: 'is not a known field' }],
};

export const STANDARD_PROBLEMS: Record<'unknownQuery' | 'malformedJson' | number, Problem> = {
  unknownQuery: UNKNOWN_QUERY_PARAMETER,
  400: UNKNOWN_QUERY_PARAMETER,
  malformedJson: frameworkProblem('FST_ERR_CTP_INVALID_JSON_BODY', 400)!,
  413: frameworkProblem(undefined, 413)!,
  414: frameworkProblem('FST_ERR_MAX_PARAM_LENGTH', 414)!,
  415: frameworkProblem(undefined, 415)!,
  429: frameworkProblem(undefined, 429)!,
  500: {
    type: problemType('internal_error'),
    title: 'Internal error',
    status: 500,
    detail:
      'Something went wrong on our side. Quote request id 6f1c2d3e-0a4b-4c5d-8e9f-0a1b2c3d4e5f when reporting it.',
  },
  503: frameworkProblem(undefined, 503)!,
};

/** The name an example goes by in the document: the last part of its type URI (and the field, if any). */
export function exampleName(problem: Problem): string {
  const rule = problem.type.slice(problem.type.lastIndexOf('/') + 1);
  const field = problem.errors?.[0]?.field.replace(/[^A-Za-z0-9]+/g, '_');
  return field ? `${rule}.${field}` : rule;
}

/**
 * Documents the RFC 9457 problem responses an operation can give, each status with examples of
 * its own: a domain error (as the filter would answer it), a problem, or a status whose standard
 * example applies (400, 413, 414, 415, 429, 500, 503). Statuses every operation shares (400 for an
 * unknown query parameter, 429, 500; 413 and 415 with a body; 414 with a path parameter) are added
 * by `documentHttpLayer`.
 */
export function ApiProblems(
  ...entries: (number | DomainError | Problem)[]
): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ...entries.map((entry) => {
      const problem = problemOf(entry);
      return ApiResponse({
        status: problem.status,
        type: ProblemSchema,
        description: '',
        examples: { [exampleName(problem)]: { summary: problem.title, value: problem } },
      });
    }),
  );
}

function problemOf(entry: number | DomainError | Problem): Problem {
  if (entry instanceof DomainError) return domainProblem(entry);
  if (typeof entry !== 'number') return entry;
  const standard = STANDARD_PROBLEMS[entry];
  if (!standard) throw new Error(`ApiProblems(${entry}): give an example error for this status`);
  return standard;
}
