import type { OpenAPIObject } from '@nestjs/swagger';
import { exampleName, STANDARD_PROBLEMS } from './api-problems.decorator';
import type { Problem } from './problem';
import { PROBLEM_CONTENT_TYPE } from './problem';
import { REQUEST_ID_HEADER } from './request-id';
import { notAUuidProblem } from './uuid-param.pipe';

/**
 * What the HTTP layer adds to every operation, written into the generated document in one place:
 * the problems any operation can answer (400 for an unknown query parameter, 429, 500; with a body
 * 413, 415 and malformed JSON; with a path parameter 414), problems as `application/problem+json`
 * with one example per status, the response headers (X-Request-Id, the rate-limit headers,
 * WWW-Authenticate, Retry-After), closed objects, and the limits that come from configuration.
 */

interface Example {
  summary?: string;
  value: unknown;
}
interface MediaType {
  schema?: unknown;
  example?: unknown;
  examples?: Record<string, Example>;
}
interface Response {
  description: string;
  headers?: Record<string, unknown>;
  content?: Record<string, MediaType>;
}
interface Parameter {
  in: string;
  name: string;
  schema?: unknown;
}
interface Operation {
  parameters?: Parameter[];
  requestBody?: unknown;
  responses: Record<string, Response>;
}
interface Schema {
  type?: string;
  properties?: Record<string, Schema>;
  additionalProperties?: unknown;
  allOf?: unknown[];
  maximum?: number;
  description?: string;
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;
const PROBLEM_SCHEMA = { $ref: '#/components/schemas/ProblemSchema' };

const DESCRIPTIONS: Record<number, string> = {
  400: 'Invalid input: `errors` names each broken rule',
  401: 'Missing or wrong API key',
  403: 'The key may not use this operation',
  404: 'Not found, or not visible to this key',
  409: 'Conflicts with stored state',
  413: 'Request body over 5 MiB',
  414: 'A path segment over 100 characters',
  415: 'The body is not JSON',
  422: 'Well-formed, but refers to something unknown',
  429: 'Too many requests for this key: retry after Retry-After seconds',
  500: 'Something went wrong on our side',
  503: 'The service cannot answer right now',
};

const HEADERS: Record<string, { description: string; required?: boolean; schema: object }> = {
  [REQUEST_ID_HEADER]: {
    description:
      "The request's id (the client's own when it sent a safe one, at most 128 characters); logs quote it",
    required: true,
    schema: { type: 'string', pattern: '^[A-Za-z0-9_.:-]{1,128}$', maxLength: 128 },
  },
  'X-RateLimit-Limit': {
    description:
      'Requests allowed per minute for this key (per client IP without a key). Absent when the limit is off (0).',
    schema: { type: 'integer', format: 'int32', minimum: 1, maximum: 2_147_483_647 },
  },
  'X-RateLimit-Remaining': {
    description: 'Requests left in the current minute',
    schema: { type: 'integer', format: 'int32', minimum: 0, maximum: 2_147_483_647 },
  },
  'X-RateLimit-Reset': {
    description: 'Seconds until the current minute ends',
    schema: { type: 'integer', format: 'int32', minimum: 0, maximum: 60 },
  },
  'Retry-After': {
    description: 'Seconds to wait before the next request',
    required: true,
    schema: { type: 'integer', format: 'int32', minimum: 0, maximum: 60 },
  },
  'WWW-Authenticate': {
    description: 'Always `Bearer`',
    required: true,
    schema: { type: 'string', enum: ['Bearer'] },
  },
};

const ref = (name: string) => ({ $ref: `#/components/headers/${name}` });

export function documentHttpLayer(document: OpenAPIObject, limits: { maxCallMinutes: number }): void {
  document.components = { ...document.components, headers: HEADERS };
  for (const item of Object.values(document.paths)) {
    for (const method of METHODS) {
      const operation = (item as Record<string, Operation | undefined>)[method];
      if (operation) documentOperation(operation);
    }
  }
  const schemas = (document.components.schemas ?? {}) as Record<string, Schema>;
  for (const schema of Object.values(schemas)) closeObjects(schema);
  limitCallMinutes(schemas, limits.maxCallMinutes);
}

function documentOperation(operation: Operation): void {
  const { responses } = operation;
  addProblem(responses, STANDARD_PROBLEMS.unknownQuery);
  if (operation.requestBody) {
    addProblem(responses, STANDARD_PROBLEMS.malformedJson);
    addProblem(responses, STANDARD_PROBLEMS[413]);
    addProblem(responses, STANDARD_PROBLEMS[415]);
  }
  for (const parameter of operation.parameters ?? []) {
    if (parameter.in !== 'path') continue;
    // Every path parameter is an id that UuidParamPipe checks.
    parameter.schema = { type: 'string', format: 'uuid', maxLength: 36 };
    addProblem(responses, notAUuidProblem(parameter.name));
    addProblem(responses, STANDARD_PROBLEMS[414]);
  }
  addProblem(responses, STANDARD_PROBLEMS[429]);
  addProblem(responses, STANDARD_PROBLEMS[500]);

  for (const [key, response] of Object.entries(responses)) {
    const status = Number(key);
    if (status >= 400) asProblemResponse(response, status);
    response.headers = { ...response.headers, ...headersFor(status) };
  }
}

function addProblem(responses: Record<string, Response>, problem: Problem): void {
  const response = (responses[problem.status] ??= { description: '' });
  const media = problemMedia(response);
  media.examples = { ...media.examples, [exampleName(problem)]: { summary: problem.title, value: problem } };
}

/** Whichever media type the generator chose, a problem response is `application/problem+json`. */
function asProblemResponse(response: Response, status: number): void {
  const media = problemMedia(response);
  response.content = { [PROBLEM_CONTENT_TYPE]: { schema: PROBLEM_SCHEMA, examples: media.examples } };
  response.description = DESCRIPTIONS[status] ?? response.description;
}

function problemMedia(response: Response): MediaType {
  const content = response.content ?? {};
  const examples = Object.values(content).reduce<Record<string, Example>>(
    (all, media) => ({ ...all, ...media.examples }),
    {},
  );
  const media: MediaType = { schema: PROBLEM_SCHEMA, examples };
  response.content = { [PROBLEM_CONTENT_TYPE]: media };
  return media;
}

function headersFor(status: number): Record<string, unknown> {
  const headers: Record<string, unknown> = { [REQUEST_ID_HEADER]: ref(REQUEST_ID_HEADER) };
  if (status < 500) {
    for (const name of ['X-RateLimit-Limit', 'X-RateLimit-Remaining', 'X-RateLimit-Reset'])
      headers[name] = ref(name);
  }
  if (status === 401) headers['WWW-Authenticate'] = ref('WWW-Authenticate');
  if (status === 429) headers['Retry-After'] = ref('Retry-After');
  return headers;
}

/**
 * Unknown fields are refused in requests and never sent in responses: every object is closed. A
 * nullable reference (`allOf: [$ref]`) is closed by the schema it refers to: closing the wrapper too
 * would refuse every property, since the wrapper itself declares none.
 */
function closeObjects(schema: Schema): void {
  if ((schema.type === 'object' || schema.properties) && !schema.allOf) schema.additionalProperties ??= false;
  for (const property of Object.values(schema.properties ?? {})) closeObjects(property);
}

function limitCallMinutes(schemas: Record<string, Schema>, maxCallMinutes: number): void {
  const minutes = schemas.CallRecordDto?.properties?.minutes;
  if (minutes) minutes.maximum = maxCallMinutes;
  const seconds = schemas.CallRecordDto?.properties?.durationSeconds;
  if (seconds) seconds.maximum = maxCallMinutes * 60;
}
