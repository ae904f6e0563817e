import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError } from '../domain/domain-error';
import { frameworkProblem, INTERNAL_ERROR_TITLE, methodNotAllowedProblem } from './framework-problems';
import { domainProblem, Problem, PROBLEM_CONTENT_TYPE, problemType } from './problem';
import type { ProblemPages } from './problem-pages';
import { RequestValidationError } from './request-validation.error';
import type { RouteMethods } from './route-methods';

interface FrameworkError {
  statusCode?: number;
  code?: string;
}

/**
 * Every error leaves as RFC 9457 `application/problem+json`. Domain errors map by category, the
 * framework's own errors (parsing, limits, unknown routes, rate limits) by code or status, in our
 * words; anything unexpected is logged with the request id and answered with a generic 500 that
 * names no internals. The router's refusals, which come before Nest, are `answerRouterError`'s.
 * Paths that `pages` covers (the customer portal) answer the same errors as HTML pages.
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemDetails');

  constructor(
    private readonly routes: RouteMethods,
    private readonly pages?: ProblemPages,
  ) {}

  catch(exception: unknown, host: ArgumentsHost): void | Promise<void> {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    if (this.pages?.covers(request))
      return this.pages.send(exception, request, reply, () =>
        this.withAllow(this.toProblem(exception, request), request, reply),
      );
    const problem = this.toProblem(exception, request);
    if (problem.status === 401) void reply.header('WWW-Authenticate', 'Bearer');
    this.withAllow(problem, request, reply);
    void reply.status(problem.status).header('Content-Type', PROBLEM_CONTENT_TYPE).send(problem);
  }

  private withAllow(problem: Problem, request: FastifyRequest, reply: FastifyReply): Problem {
    if (problem.status === 405) void reply.header('Allow', this.routes.allowedAt(request.url).join(', '));
    return problem;
  }

  toProblem(exception: unknown, request: FastifyRequest): Problem {
    if (exception instanceof RequestValidationError) return exception.toProblem();
    if (exception instanceof DomainError) return domainProblem(exception);
    if (request.is404) return this.noRouteProblem(request);
    // Nest wraps Fastify's own errors (body parsing, size limits) in an HttpException with a cause.
    const framework = (exception instanceof HttpException ? exception.cause : exception) as
      FrameworkError | undefined;
    const status = exception instanceof HttpException ? exception.getStatus() : framework?.statusCode;
    const known = frameworkProblem(framework?.code, status);
    if (known) return known;

    const requestId = request.id;
    this.logger.error({ err: exception, requestId }, 'Unhandled error');
    return {
      type: problemType('internal_error'),
      title: INTERNAL_ERROR_TITLE,
      status: 500,
      detail: `Something went wrong on our side. Quote request id ${requestId} when reporting it.`,
    };
  }

  /** No route matched: a path that exists under other methods is a 405, anything else a 404. */
  private noRouteProblem(request: FastifyRequest): Problem {
    const allowed = this.routes.allowedAt(request.url);
    if (allowed.length > 0 && !allowed.includes(request.method)) return methodNotAllowedProblem(allowed);
    return frameworkProblem(undefined, 404)!;
  }
}
