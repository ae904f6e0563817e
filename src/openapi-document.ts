import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { OpenAPIObject } from '@nestjs/swagger';
import { AppModule } from './app.module';
import { createFastifyAdapter, openApiDocumentOf } from './app.factory';
import { loadConfig } from './config';

/**
 * The OpenAPI document without a database: Nest's preview mode wires the modules without creating
 * any provider (no connection, no scheduler), which is all the document needs. `env` stands in for
 * the environment; limits that come from configuration (MAX_CALL_MINUTES) are read from it.
 */
export async function buildOpenApiDocument(
  env: Record<string, string | undefined> = {},
): Promise<OpenAPIObject> {
  const config = loadConfig({
    LOG_LEVEL: 'silent',
    OPERATOR_API_KEY: 'unused-offline-operator-key',
    DATABASE_URL: 'postgres://unused@127.0.0.1:1/unused',
    ...env,
  });
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forRoot({ config, databaseUrl: config.DATABASE_URL! }),
    createFastifyAdapter(),
    { preview: true, logger: false, abortOnError: false },
  );
  try {
    return openApiDocumentOf(app, config);
  } finally {
    await app.close();
  }
}

/** `node dist/src/openapi-document.js > openapi.json` (or `npm run openapi`) prints the document. */
if (require.main === module) {
  buildOpenApiDocument(process.env)
    .then((document) => process.stdout.write(`${JSON.stringify(document, null, 2)}\n`))
    .catch((error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    });
}
