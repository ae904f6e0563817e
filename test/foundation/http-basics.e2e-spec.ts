import { startTestApp, TestApp } from '../support/test-app';

describe('HTTP basics', () => {
  let service: TestApp;

  beforeAll(async () => {
    service = await startTestApp();
  });
  afterAll(() => service.close());

  it('reports healthy when the database answers', async () => {
    const response = await service.http().get('/health').expect(200);
    expect(response.body).toMatchObject({ status: 'ok', info: { database: { status: 'up' } } });
  });

  it('serves the OpenAPI document and the Swagger UI', async () => {
    const document = await service.http().get('/docs-json').expect(200);
    expect(document.body.openapi).toMatch(/^3\./);
    const ui = await service.http().get('/docs').redirects(1).expect(200);
    expect(ui.text).toContain('swagger');
  });

  it('resolves every schema reference of the OpenAPI document', async () => {
    const document = (await service.http().get('/docs-json').expect(200)).body as {
      components: { schemas: Record<string, unknown> };
    };
    const references = [...JSON.stringify(document).matchAll(/"#\/components\/schemas\/([^"]+)"/g)].map(
      (match) => match[1],
    );
    expect(references).toContain('ProblemSchema');
    for (const name of new Set(references)) expect(document.components.schemas).toHaveProperty([name]);
  });

  it('answers an unknown route with a problem document', async () => {
    const response = await service.http().get('/v1/nowhere').expect(404);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.body).toMatchObject({
      status: 404,
      type: expect.stringContaining('/problems/not-found'),
    });
  });

  it('sets nosniff and hides the framework', async () => {
    const response = await service.http().get('/health');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['x-powered-by']).toBeUndefined();
  });
});
