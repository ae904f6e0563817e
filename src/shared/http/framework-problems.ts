import { STATUS_CODES } from 'node:http';
import { Problem, problemType } from './problem';

/** Longest path segment the router takes (a UUID is 36 characters); a longer one is a 414. */
export const MAX_PATH_SEGMENT_LENGTH = 100;
/** Request bodies over 5 MiB are refused (413) before they are parsed. */
export const BODY_LIMIT_BYTES = 5 * 1024 * 1024;

interface ProblemText {
  status: number;
  code: string;
  title: string;
  detail: string;
}

const text = (status: number, code: string, title: string, detail: string): ProblemText => ({
  status,
  code,
  title,
  detail,
});

const MALFORMED_JSON = text(400, 'malformed_json', 'Malformed JSON', 'The request body is not valid JSON.');

/**
 * What the HTTP layer itself refuses, by Fastify error code: our own words, never the framework's
 * message (which echoes the raw path and names Fastify).
 */
const BY_FASTIFY_CODE: Record<string, ProblemText> = {
  FST_ERR_BAD_URL: text(
    400,
    'malformed_url',
    'Malformed URL',
    'The request path is not valid: a % must be followed by two hexadecimal digits of UTF-8.',
  ),
  FST_ERR_MAX_PARAM_LENGTH: text(
    414,
    'uri_too_long',
    'URI too long',
    `A path segment is longer than ${MAX_PATH_SEGMENT_LENGTH} characters; no resource has such an id.`,
  ),
  FST_ERR_CTP_INVALID_JSON_BODY: MALFORMED_JSON,
  FST_ERR_CTP_EMPTY_JSON_BODY: MALFORMED_JSON,
  FST_ERR_CTP_BODY_TOO_LARGE: text(
    413,
    'payload_too_large',
    'Payload too large',
    `The request body is larger than ${BODY_LIMIT_BYTES / 1024 / 1024} MiB.`,
  ),
  FST_ERR_CTP_INVALID_MEDIA_TYPE: text(
    415,
    'unsupported_media_type',
    'Unsupported media type',
    'Request bodies are JSON, sent with Content-Type: application/json; CDR files (POST /v1/cdr-files) are sent with Content-Type: text/csv.',
  ),
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: text(
    400,
    'bad_request',
    'Bad request',
    'The request body is not as long as its Content-Length header says.',
  ),
};

/** Statuses the framework answers on its own (route not found, rate limit, health), in our words. */
const BY_STATUS: Record<number, ProblemText> = {
  400: text(400, 'bad_request', 'Bad request', 'The request could not be read.'),
  404: text(404, 'not_found', 'Not found', 'Nothing lives at this path.'),
  413: BY_FASTIFY_CODE.FST_ERR_CTP_BODY_TOO_LARGE,
  415: BY_FASTIFY_CODE.FST_ERR_CTP_INVALID_MEDIA_TYPE,
  429: text(
    429,
    'too_many_requests',
    'Too many requests',
    'Too many requests for this API key; retry after the number of seconds in Retry-After.',
  ),
  503: text(
    503,
    'service_unavailable',
    'Service unavailable',
    'The service cannot answer right now (its database is unreachable or not fully migrated, or it is shutting down).',
  ),
};

export const INTERNAL_ERROR_TITLE = 'Internal error';

function toProblem({ status, code, title, detail }: ProblemText): Problem {
  return { type: problemType(code), title, status, detail };
}

/** The problem for an error the framework raised, by its code, else by its status; null if neither is known. */
export function frameworkProblem(code: string | undefined, status: number | undefined): Problem | null {
  const known = (code && BY_FASTIFY_CODE[code]) || (status !== undefined && BY_STATUS[status]);
  if (known) return toProblem(known);
  if (status === undefined || status < 400 || status >= 500) return null;
  const title = STATUS_CODES[status] ?? 'Bad Request';
  const statusCode = title.toLowerCase().replace(/[^a-z]+/g, '_');
  return toProblem(text(status, statusCode, title, 'The request could not be handled as it was sent.'));
}

/** 405: the path exists, the method does not; `Allow` lists the methods it takes. */
export function methodNotAllowedProblem(allowed: string[]): Problem {
  return toProblem(
    text(405, 'method_not_allowed', 'Method not allowed', `This path takes ${allowed.join(', ')} only.`),
  );
}
