import { join } from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyCsrfProtection from '@fastify/csrf-protection';
import fastifyView from '@fastify/view';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Eta } from 'eta';
import { errorCodes, type FastifyInstance, type FastifyRequest } from 'fastify';
import { AppConfiguration } from '../../config';
import { isPortalPath } from './portal-paths';
import { CSRF_COOKIE, portalCookie } from './session-cookie';

/** The templates (`*.eta`) and the stylesheet; `npm run build` copies them next to the compiled code. */
export const VIEWS_DIR = join(__dirname, 'views');
export const ASSETS_DIR = join(__dirname, 'assets');
/** A portal form holds a key and a token: a few hundred bytes. */
const FORM_BODY_LIMIT = 16 * 1024;

/**
 * The Fastify plugins the portal's pages need, registered on the application's Fastify instance
 * before its routes: cookies, CSRF tokens (a secret in an HttpOnly cookie, the token in each form)
 * and Eta templates through @fastify/view. Every POST under /portal must carry a valid token.
 */
export async function registerPortalPlugins(app: NestFastifyApplication): Promise<void> {
  const config = app.get(AppConfiguration);
  await app.register(fastifyCookie);
  await app.register(fastifyCsrfProtection, {
    cookieKey: CSRF_COOKIE,
    cookieOpts: portalCookie(config),
    getToken: (request: FastifyRequest) => (request.body as { _csrf?: string } | undefined)?._csrf,
  });
  await app.register(fastifyView, {
    engine: {
      eta: new Eta({ views: VIEWS_DIR, autoEscape: true, cache: config.NODE_ENV !== 'development' }),
    },
    root: VIEWS_DIR,
    production: config.NODE_ENV !== 'development',
  });
  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('preHandler', (request, reply, done) => {
    if (request.method === 'POST' && isPortalPath(request.url)) fastify.csrfProtection(request, reply, done);
    else done();
  });
}

/**
 * Form bodies (`application/x-www-form-urlencoded`) for the portal's forms only: the API stays
 * JSON-only and answers a form body with the same 415 as before. Call after the application
 * removed the framework's own form parser.
 */
export function acceptPortalForms(fastify: FastifyInstance): void {
  fastify.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string', bodyLimit: FORM_BODY_LIMIT },
    (request, body, done) => {
      if (!isPortalPath(request.url)) {
        done(new errorCodes.FST_ERR_CTP_INVALID_MEDIA_TYPE(request.headers['content-type']), undefined);
        return;
      }
      // One value per field (the last one), on an object without a prototype to poison.
      const fields: Record<string, string> = Object.create(null) as Record<string, string>;
      for (const [name, value] of new URLSearchParams(body as string)) fields[name] = value;
      done(null, fields);
    },
  );
}
