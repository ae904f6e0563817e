import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { Logger } from 'nestjs-pino';
import { AppModule, AppModuleOptions } from './app.module';
import { documentApiKeys } from './auth';
import { HostileInputPipe } from './shared/http/hostile-input.pipe';
import { ProblemDetailsFilter } from './shared/http/problem-details.filter';
import { setUpOpenApi } from './shared/http/open-api';
import { useSecurityHeaders } from './shared/http/security-headers';
import { createValidationPipe } from './shared/http/validation.pipe';

const BODY_LIMIT_BYTES = 5 * 1024 * 1024;

export function createFastifyAdapter(): FastifyAdapter {
  return new FastifyAdapter({
    bodyLimit: BODY_LIMIT_BYTES,
    // Prototype-poisoning keys in JSON bodies are refused by the parser, never merged.
    onProtoPoisoning: 'error',
    onConstructorPoisoning: 'error',
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
  app.useGlobalPipes(new HostileInputPipe(), createValidationPipe());
  app.useGlobalFilters(new ProblemDetailsFilter());
  // SIGINT/SIGTERM: close the app, then exit 0 through process.exit so 'exit' hooks and log flushes run.
  app.enableShutdownHooks(undefined, { useProcessExit: true });
  await useSecurityHeaders(app);
  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onSend', async (_request, reply) => {
    void reply.header('X-Content-Type-Options', 'nosniff');
    reply.removeHeader('X-Powered-By');
  });
  setUpOpenApi(app, documentApiKeys);
  await app.init();
  // JSON in: a form or plain-text body answers 415 rather than reaching the validators as something else.
  fastify.removeContentTypeParser(['application/x-www-form-urlencoded', 'text/plain']);
  await fastify.ready();
}
