import { OPERATOR_KEY, startTestApp, TestApp } from '../support/test-app';
import { aCustomerWithKey, AuthFixture, authFixture, forgedKeyOf } from './auth-fixture';
import { Endpoint, ENDPOINTS, UNKNOWN_SUSPENDED_CALL } from './endpoints';

type Who = 'no key' | 'wrong key' | 'operator' | 'own customer' | 'other customer';
const WHO: Who[] = ['no key', 'wrong key', 'operator', 'own customer', 'other customer'];

function expectedStatus(endpoint: Endpoint, who: Who): number {
  if (who === 'no key' || who === 'wrong key') return 401;
  if (who === 'operator' || endpoint.access === 'any') return endpoint.ok;
  if (endpoint.access === 'operator') return 403;
  return who === 'own customer' ? endpoint.ok : 404;
}

describe('Who may call what: every endpoint and every kind of key', () => {
  let service: TestApp;
  let fixture: AuthFixture;

  beforeAll(async () => {
    service = await startTestApp({ now: '2026-10-15T12:00:00Z' });
    fixture = await authFixture(service);
  });
  afterAll(() => service.close());

  async function send(endpoint: Endpoint, who: Who) {
    const subject = endpoint.freshSubject ? await aCustomerWithKey(service) : fixture.ada;
    // For a fresh subject, Ada is the "other" customer; for Ada, Bob is.
    const other = endpoint.freshSubject ? fixture.ada : fixture.bob;
    const path = endpoint.route
      .replace('{customerId}', subject.id)
      .replace('{invoiceId}', fixture.ada.invoiceId)
      .replace('{number}', encodeURIComponent(subject.phoneNumber))
      .replace('{id}', UNKNOWN_SUSPENDED_CALL)
      .replace('{cdrFileId}', fixture.cdrFileId)
      .concat(endpoint.query ?? '');
    const keys: Record<Who, string | null> = {
      'no key': null,
      'wrong key': forgedKeyOf(subject.id),
      operator: OPERATOR_KEY,
      'own customer': subject.key,
      'other customer': other.key,
    };
    let request = service.anonymous()[endpoint.method](path);
    if (keys[who] !== null) request = request.set('Authorization', `Bearer ${keys[who]}`);
    if (endpoint.csv) return request.set('Content-Type', 'text/csv').send(endpoint.csv(subject));
    return endpoint.body ? request.send(endpoint.body(subject)) : request;
  }

  describe.each(
    ENDPOINTS.map((endpoint) => [`${endpoint.method.toUpperCase()} ${endpoint.route}`, endpoint]),
  )('%s', (_name, endpoint) => {
    it.each(WHO.map((who) => [who, expectedStatus(endpoint, who)]))(
      'with %s answers %i',
      async (who, status) => {
        const response = await send(endpoint, who);
        expect({ status: response.status, body: response.body }).toMatchObject({ status });
        if (status >= 400) {
          expect(response.headers['content-type']).toContain('application/problem+json');
          expect(response.body.status).toBe(status);
        }
        if (status === 401) expect(response.headers['www-authenticate']).toBe('Bearer');
        if (status === 403) expect(response.body.type).toContain('/problems/operator-key-required');
        if (status === 404) {
          const type = endpoint.notFound ?? 'customer-not-found';
          expect(response.body.type).toContain(`/problems/${type}`);
        }
      },
    );
  });

  it('covers every /v1 operation of the OpenAPI document, each declaring the bearer scheme and its key', async () => {
    const document = await service.anonymous().get('/docs-json').expect(200);
    const operations = Object.entries(document.body.paths as Record<string, Record<string, any>>).flatMap(
      ([route, item]) =>
        Object.entries(item)
          .filter(([method]) => ['get', 'post', 'put', 'patch', 'delete'].includes(method))
          .map(([method, operation]) => ({ name: `${method} ${route}`, operation })),
    );
    const v1 = operations.filter(({ name }) => name.includes(' /v1/'));
    expect(v1.map(({ name }) => name).sort()).toEqual(
      ENDPOINTS.map((endpoint) => `${endpoint.method} ${endpoint.route}`).sort(),
    );
    for (const { name, operation } of v1) {
      const endpoint = ENDPOINTS.find((candidate) => `${candidate.method} ${candidate.route}` === name)!;
      expect({ name, security: operation.security }).toEqual({ name, security: [{ bearer: [] }] });
      expect({ name, takes: operation['x-api-key']?.takes }).toEqual({ name, takes: endpoint.access });
      expect(operation.description).toContain('**API key:**');
      expect(Object.keys(operation.responses)).toContain('401');
    }
    const health = operations.find(({ name }) => name === 'get /health')!;
    expect(health.operation.security).toBeUndefined();
    expect(document.body.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
  });
});
