import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { Logger } from 'nestjs-pino';
import { AppModule, AppModuleOptions } from './app.module';
import { AuthenticateCallerQuery, bearerTokenOf, documentApiKeys } from './auth';
import { acceptPortalForms, PortalProblemPages, registerPortalPlugins } from './portal';
import { admitCallBatchesInTurn } from './calls';
import { acceptCdrFiles } from './cdr-files';
import { AppConfiguration, type AppConfig } from './config';
import { observeHttpMetrics } from './metrics';
import { BODY_LIMIT_BYTES, MAX_PATH_SEGMENT_LENGTH } from './shared/http/framework-problems';
import { HostileInputPipe } from './shared/http/hostile-input.pipe';
import { ProblemDetailsFilter } from './shared/http/problem-details.filter';
import { createOpenApiDocument, serveOpenApi } from './shared/http/open-api';
import { echoRequestId, requestIdOf } from './shared/http/request-id';
import { RouteMethods } from './shared/http/route-methods';
import { answerRouterError } from './shared/http/router-errors';
import { useSecurityHeaders } from './shared/http/security-headers';
import { createValidationPipe } from './shared/http/validation.pipe';

export function createFastifyAdapter(): FastifyAdapter {
  return new FastifyAdapter({
    bodyLimit: BODY_LIMIT_BYTES,
    routerOptions: { maxParamLength: MAX_PATH_SEGMENT_LENGTH },
    genReqId: requestIdOf,
    // The router's own refusals (bad URL encoding, over-long parameters) as problem documents.
    frameworkErrors: answerRouterError,
    // "__proto__" and "constructor" keys are kept as plain fields for the input rules to refuse:
    // refused at parse time, one such key in one batch item would reject the whole batch.
    onProtoPoisoning: 'ignore',
    onConstructorPoisoning: 'ignore',
  });
}

/** Builds the HTTP application as production runs it. */
export async function createApp(options: AppModuleOptions): Promise<NestFastifyApplication> {
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forRoot(options),
    createFastifyAdapter(),
    { bufferLogs: true },
  );
  await configureApp(app);
  return app;
}

/** Pipes, filters, headers and docs: shared by production and the tests. */
export async function configureApp(app: NestFastifyApplication): Promise<void> {
  app.useLogger(app.get(Logger));
  const fastify = app.getHttpAdapter().getInstance();
  const routes = new RouteMethods();
  routes.collectFrom(fastify); // before any route exists
  echoRequestId(fastify);
  observeHttpMetrics(app);
  useSecurityHeaders(fastify);
  app.useGlobalPipes(new HostileInputPipe(), createValidationPipe());
  const config = app.get(AppConfiguration);
  const callers = app.get(AuthenticateCallerQuery);
  admitCallBatchesInTurn(fastify, {
    concurrency: config.CALL_BATCH_CONCURRENCY,
    readTimeoutMs: config.CALL_BATCH_READ_TIMEOUT_MS,
    mayRecord: (request) => callers.isOperatorKey(bearerTokenOf(request.headers.authorization)),
  });
  // The customer portal's pages: its errors are HTML pages, its plugins are in place before its routes.
  const portalPages = new PortalProblemPages({ brand: config.INVOICE_ISSUER_NAME, cookies: config });
  app.useGlobalFilters(new ProblemDetailsFilter(routes, portalPages));
  await registerPortalPlugins(app);
  // SIGINT/SIGTERM: close the app, then exit 0 through process.exit so 'exit' hooks and log flushes run.
  app.enableShutdownHooks(undefined, { useProcessExit: true });
  // Built on the first /docs request (the same document): ~75 ms and its memory off every start.
  serveOpenApi(app, () => openApiDocumentOf(app, config));
  await app.init();
  // JSON in: a form or plain-text body answers 415 rather than reaching the validators as something else.
  fastify.removeContentTypeParser(['application/x-www-form-urlencoded', 'text/plain']);
  acceptPortalForms(fastify); // ...except the portal's own forms
  acceptCdrFiles(fastify); // ...and switch CDR files, as a stream
  await fastify.ready();
}

/** The OpenAPI document of this application; needs no database (see openapi-document.ts). */
export function openApiDocumentOf(app: NestFastifyApplication, config: Pick<AppConfig, 'MAX_CALL_MINUTES'>) {
  return createOpenApiDocument(app, { maxCallMinutes: config.MAX_CALL_MINUTES, patches: [documentApiKeys] });
}
