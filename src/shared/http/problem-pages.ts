import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Problem } from './problem';

/**
 * Some paths answer people in a browser rather than API clients (the customer portal): their
 * errors are HTML pages, not problem documents. The problem details filter hands the errors of the
 * requests these cover to them, with the problem it would have sent.
 */
export interface ProblemPages {
  /** True when this request's errors are answered as pages. */
  covers(request: FastifyRequest): boolean;
  /**
   * Answers `exception` as a page. `problemOf` gives the problem the API would answer (and logs an
   * unexpected error, as for the API); a page may answer its own errors otherwise (a redirect).
   */
  send(
    exception: unknown,
    request: FastifyRequest,
    reply: FastifyReply,
    problemOf: () => Problem,
  ): Promise<void>;
}
