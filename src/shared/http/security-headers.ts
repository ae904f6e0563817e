import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';
import helmet from 'helmet';

/** JSON and problem documents never need to load anything. */
const API_POLICY = {
  useDefaults: false,
  directives: {
    defaultSrc: ["'none'"],
    frameAncestors: ["'none'"],
    baseUri: ["'none'"],
    formAction: ["'none'"],
  },
};

/** Swagger UI: its own scripts and styles (plus inline styles), data: images, and "try it out" calls. */
const DOCS_POLICY = {
  useDefaults: false,
  directives: {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'", "'unsafe-inline'"],
    imgSrc: ["'self'", 'data:', 'https://validator.swagger.io'],
    fontSrc: ["'self'", 'data:'],
    connectSrc: ["'self'"],
    objectSrc: ["'none'"],
    frameAncestors: ["'none'"],
    baseUri: ["'self'"],
    formAction: ["'self'"],
  },
};

/** The customer portal: its own stylesheet and forms, and no script at all. */
const PORTAL_POLICY = {
  useDefaults: false,
  directives: {
    defaultSrc: ["'none'"],
    styleSrc: ["'self'"],
    imgSrc: ["'self'"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
    baseUri: ["'none'"],
  },
};

const apiHeaders = helmet({ contentSecurityPolicy: API_POLICY });
const docsHeaders = helmet({ contentSecurityPolicy: DOCS_POLICY });
const portalHeaders = helmet({ contentSecurityPolicy: PORTAL_POLICY });

function isUnder(url: string, root: string): boolean {
  const path = url.split('?', 1)[0];
  return path === root || path.startsWith(`${root}/`);
}

function headersFor(url: string): typeof apiHeaders {
  if (isUnder(url, '/docs')) return docsHeaders;
  if (isUnder(url, '/portal')) return portalHeaders;
  return apiHeaders;
}

/**
 * helmet's headers (nosniff, a CSP, no X-Powered-By, ...) on one response, written to the Node
 * response so that whatever sends it next carries them: a strict CSP for the API, what the Swagger UI
 * and the customer portal need on theirs.
 */
export function writeSecurityHeaders(
  request: IncomingMessage,
  response: ServerResponse,
  next: (error?: unknown) => void,
): void {
  headersFor(request.url ?? '')(request, response, next);
}

/**
 * The headers on every response the routes, the 404 handler and the error handler send. The router's
 * own refusals happen before any hook: `answerRouterError` writes them there.
 */
export function useSecurityHeaders(fastify: FastifyInstance): void {
  fastify.addHook('onRequest', (request, reply, done) =>
    writeSecurityHeaders(request.raw, reply.raw, (error) => done(error as Error | undefined)),
  );
}
