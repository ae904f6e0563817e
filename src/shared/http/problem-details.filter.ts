import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError } from '../domain/domain-error';
import { ERROR_CATEGORY_STATUS } from './error-status.table';
import { Problem, PROBLEM_CONTENT_TYPE, problemType } from './problem';
import { RequestValidationError } from './request-validation.error';

interface FrameworkError {
  statusCode?: number;
  code?: string;
  message?: string;
}

const STATUS_CODES: Record<number, string> = {
  400: 'bad_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  406: 'not_acceptable',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  429: 'too_many_requests',
  503: 'service_unavailable',
};

/**
 * Every error leaves as RFC 9457 `application/problem+json`. Domain errors map by category, the
 * framework's own errors by status; anything unexpected is logged with the request id and answered
 * with a generic 500 that names no internals.
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemDetails');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const problem = this.toProblem(exception, request);
    if (problem.status === 401) void reply.header('WWW-Authenticate', 'Bearer');
    void reply.status(problem.status).header('Content-Type', PROBLEM_CONTENT_TYPE).send(problem);
  }

  toProblem(exception: unknown, request: FastifyRequest): Problem {
    if (exception instanceof RequestValidationError) {
      return {
        type: problemType('validation_error'),
        title: 'Invalid request',
        status: 400,
        detail: exception.message,
        errors: exception.errors,
      };
    }
    if (exception instanceof DomainError) {
      const { status, title } = ERROR_CATEGORY_STATUS[exception.category];
      return {
        type: problemType(exception.code),
        title,
        status,
        detail: exception.message,
        ...(exception.field ? { errors: [{ field: exception.field, message: exception.message }] } : {}),
      };
    }
    // Nest wraps Fastify's own errors (body parsing, size limits) in an HttpException with a cause.
    const framework = (exception instanceof HttpException ? exception.cause : exception) as
      FrameworkError | undefined;
    if (
      framework?.code === 'FST_ERR_CTP_INVALID_JSON_BODY' ||
      framework?.code === 'FST_ERR_CTP_EMPTY_JSON_BODY'
    ) {
      return {
        type: problemType('malformed_json'),
        title: 'Malformed JSON',
        status: 400,
        detail: 'The request body is not valid JSON.',
      };
    }
    if (exception instanceof HttpException) return this.fromStatus(exception.getStatus(), exception.message);
    if (typeof framework?.statusCode === 'number' && framework.statusCode < 500) {
      return this.fromStatus(framework.statusCode, framework.message ?? '');
    }

    const rawId = (request.raw as { id?: unknown }).id;
    const requestId = typeof rawId === 'string' ? rawId : request.id;
    this.logger.error({ err: exception, requestId }, 'Unhandled error');
    return {
      type: problemType('internal_error'),
      title: 'Internal error',
      status: 500,
      detail: `Something went wrong on our side. Quote request id ${requestId} when reporting it.`,
    };
  }

  private fromStatus(status: number, message: string): Problem {
    const code = STATUS_CODES[status] ?? (status >= 500 ? 'internal_error' : 'bad_request');
    const title = (HttpStatus[status] ?? 'Error').toString().toLowerCase().replace(/_/g, ' ');
    return {
      type: problemType(code),
      title: title.charAt(0).toUpperCase() + title.slice(1),
      status,
      detail: status >= 500 ? 'The service cannot answer right now.' : message,
    };
  }
}
