import helmet from '@fastify/helmet';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';

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

function isDocsUi(url: string): boolean {
  return url === '/docs' || url.startsWith('/docs/');
}

/** helmet's headers on every response, with a strict CSP everywhere but the Swagger UI. Call before the routes exist. */
export async function useSecurityHeaders(app: NestFastifyApplication): Promise<void> {
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onRoute', (route) => {
      if (isDocsUi(route.url)) {
        route.config = { ...(route.config ?? {}), helmet: { contentSecurityPolicy: DOCS_POLICY } };
      }
    });
  await app.register(helmet, { contentSecurityPolicy: API_POLICY });
}
