import { Logger } from '@nestjs/common';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { frameworkProblem } from './framework-problems';
import { Problem, PROBLEM_CONTENT_TYPE } from './problem';
import { REQUEST_ID_HEADER } from './request-id';
import { writeSecurityHeaders } from './security-headers';

const logger = new Logger('HTTP');

function sendProblem(problem: Problem, request: FastifyRequest, reply: FastifyReply): void {
  writeSecurityHeaders(request.raw, reply.raw, () => {
    void reply
      .code(problem.status)
      .header(REQUEST_ID_HEADER, request.id)
      .header('Content-Type', PROBLEM_CONTENT_TYPE)
      .send(JSON.stringify(problem));
  });
}

/**
 * Fastify's `frameworkErrors`: the router refuses a path it cannot decode (400) or whose parameter is
 * longer than `MAX_PATH_SEGMENT_LENGTH` (414) before any hook, guard or filter runs. The answer is the
 * same problem document, with the same headers, as every other refusal; it never echoes the path.
 */
export function answerRouterError(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const problem = frameworkProblem(error.code, error.statusCode) ?? frameworkProblem(undefined, 400)!;
  logger.warn({ requestId: request.id, status: problem.status, type: problem.type }, 'Refused by the router');
  sendProblem(problem, request, reply);
}
