import { startTestApp, TestApp } from '../support/test-app';
import { databaseName, TEST_SERVER_URL_VARIABLE, withClient, withDatabase } from '../support/test-database';

/** Runs SQL on the server's maintenance database: for what a database cannot do to itself. */
function onServer(sql: string): Promise<unknown> {
  const serverUrl = process.env[TEST_SERVER_URL_VARIABLE]!;
  return withClient(withDatabase(serverUrl, 'postgres'), (client) => client.query(sql));
}

describe('Health probes: /health (liveness) and /health/ready (readiness)', () => {
  let service: TestApp;

  beforeAll(async () => {
    service = await startTestApp();
  });
  afterAll(() => service.close());

  it('is ready when the database answers and every migration is applied', async () => {
    const response = await service.anonymous().get('/health/ready').expect(200);
    expect(response.body).toEqual({
      status: 'ok',
      info: { database: { status: 'up' }, migrations: { status: 'up' } },
      error: {},
      details: { database: { status: 'up' }, migrations: { status: 'up' } },
    });
  });

  it('is not ready while a migration is pending, and stays live meanwhile', async () => {
    const [last] = await service.sql<{ id: number; name: string; executed_at: Date }>(
      'SELECT id, name, executed_at FROM mikro_orm_migrations ORDER BY id DESC LIMIT 1',
    );
    await service.sql('DELETE FROM mikro_orm_migrations WHERE id = $1', [last.id]);
    try {
      const response = await service.anonymous().get('/health/ready').expect(503);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.body).toMatchObject({
        status: 503,
        type: 'https://phone-billing.dev/problems/service-unavailable',
      });
      await service.anonymous().get('/health').expect(200);
    } finally {
      await service.sql('INSERT INTO mikro_orm_migrations (id, name, executed_at) VALUES ($1, $2, $3)', [
        last.id,
        last.name,
        last.executed_at,
      ]);
    }
    await service.anonymous().get('/health/ready').expect(200);
  });

  it('is neither live nor ready while the database refuses connections, and both again once it accepts them', async () => {
    const name = databaseName(service.databaseUrl);
    await onServer(`ALTER DATABASE "${name}" WITH ALLOW_CONNECTIONS false`);
    try {
      await onServer(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '${name}'`);
      for (const probe of ['/health', '/health/ready']) {
        const response = await service.anonymous().get(probe).expect(503);
        expect(response.body).toMatchObject({ status: 503, detail: expect.stringContaining('database') });
      }
    } finally {
      await onServer(`ALTER DATABASE "${name}" WITH ALLOW_CONNECTIONS true`);
    }
    await service.anonymous().get('/health').expect(200);
    await service.anonymous().get('/health/ready').expect(200);
  });
});
