import 'reflect-metadata';
import type { DynamicModule, Type } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import { AppModule } from '../../src/app.module';
import { configureApp, createFastifyAdapter } from '../../src/app.factory';
import { loadConfig, type AppConfig } from '../../src/config';
import { Clock } from '../../src/shared/clock/clock';
import { FixedClock } from '../../src/shared/clock/fixed-clock';
import { OpenApiContract, type OpenApiDocument } from './openapi-contract';
import { createFreshDatabase, dropDatabase, withClient } from './test-database';

export const OPERATOR_KEY = 'test-operator-key-0123456789';

export interface TestApp {
  app: NestFastifyApplication;
  /**
   * Requests as the operator (its bearer key set); use `anonymous()` for requests without a key.
   * Every response either gives is checked against the served OpenAPI document (see OpenApiContract).
   */
  http: () => request.Agent;
  anonymous: () => ReturnType<typeof request>;
  clock: FixedClock;
  config: AppConfig;
  databaseUrl: string;
  /** Runs SQL against the test database (for assertions on what was stored). */
  sql: <T = Record<string, unknown>>(text: string, params?: unknown[]) => Promise<T[]>;
  close: () => Promise<void>;
}

export interface TestAppOptions {
  env?: Record<string, string>;
  now?: string;
  /** Reuse a database (e.g. to restart the service on the same data). */
  databaseUrl?: string;
  /** Modules a test adds next to the application's own (e.g. a port's provisional test adapter). */
  imports?: (Type | DynamicModule)[];
}

/** The real application on a fresh, migrated PostgreSQL database, with a clock the test moves. */
export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const databaseUrl = options.databaseUrl ?? (await createFreshDatabase());
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    OPERATOR_API_KEY: OPERATOR_KEY,
    DATABASE_URL: databaseUrl,
    INVOICING_SCHEDULER: 'false',
    RATE_LIMIT_PER_MINUTE: '0',
    ...options.env,
  });
  const clock = new FixedClock(options.now ?? '2026-10-15T12:00:00Z');
  const moduleRef = await Test.createTestingModule({
    imports: [AppModule.forRoot({ config, databaseUrl }), ...(options.imports ?? [])],
  })
    .overrideProvider(Clock)
    .useValue(clock)
    .compile();
  const app = moduleRef.createNestApplication<NestFastifyApplication>(createFastifyAdapter(), {
    logger: false,
  });
  try {
    await configureApp(app);
  } catch (error) {
    await app.close().catch(() => undefined); // a start-up check refused: release what was opened
    if (!options.databaseUrl) await dropDatabase(databaseUrl);
    throw error;
  }
  const served = await app.getHttpAdapter().getInstance().inject({ method: 'GET', url: '/docs-json' });
  const contract = new OpenApiContract(served.json<OpenApiDocument>());

  return {
    app,
    clock,
    config,
    databaseUrl,
    http: () =>
      checkedBy(contract, request.agent(app.getHttpServer()).set('Authorization', `Bearer ${OPERATOR_KEY}`)),
    anonymous: () => checkedBy(contract, request(app.getHttpServer())),
    sql: async <T>(text: string, params: unknown[] = []) =>
      withClient(databaseUrl, async (client) => (await client.query(text, params)).rows as T[]),
    close: async () => {
      await app.close();
      if (!options.databaseUrl) await dropDatabase(databaseUrl);
    },
  };
}

const METHODS = new Set(['get', 'post', 'put', 'patch', 'delete', 'head', 'options', 'trace']);

/** Every request the agent makes asserts, before the test's own expectations, that the document holds. */
function checkedBy<T extends object>(contract: OpenApiContract, agent: T): T {
  return new Proxy(agent, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof property !== 'string' || !METHODS.has(property) || typeof value !== 'function') return value;
      return (...args: unknown[]) =>
        (value as (...a: unknown[]) => request.Test).apply(target, args).expect(contract.check);
    },
  });
}
