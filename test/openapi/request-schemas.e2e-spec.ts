import { AuthFixture, authFixture } from '../auth/auth-fixture';
import { Endpoint, ENDPOINTS } from '../auth/endpoints';
import { dbFingerprint } from '../support/db-fingerprint';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * The document's request schemas, held against the service: whatever a schema refuses (a wrong
 * type, a null where none is allowed, a string over maxLength, an integer out of range, an array
 * over maxItems, an unknown field or query parameter), the service refuses with a 400 and stores
 * nothing. Together with the response checks of every suite (OpenApiContract), which hold what the
 * service accepts against the same schemas, a client generated from the document gets the types right.
 */

type Json = Record<string, any>;

/** Values a property's schema refuses, each with what it tries. */
function refusedBy(property: Json): [string, unknown][] {
  const values: [string, unknown][] = [];
  if (property.type === 'string') values.push(['a number', 12345]);
  if (property.type === 'integer') values.push(['a numeric string', '3'], ['a fraction', 2.5]);
  if (property.type === 'array') values.push(['a string', 'x']);
  if (!property.nullable) values.push(['null', null]);
  if (property.maxLength !== undefined) values.push(['too long', '9'.repeat(property.maxLength + 1)]);
  if (property.minLength) values.push(['too short', ''.padEnd(property.minLength - 1, '9')]);
  if (property.maximum !== undefined) values.push(['too large', property.maximum + 1]);
  if (property.minimum !== undefined) values.push(['too small', property.minimum - 1]);
  if (property.maxItems !== undefined)
    values.push(['too many items', Array.from({ length: property.maxItems + 1 }, () => '+351912345678')]);
  return values;
}

describe('Request schemas of the OpenAPI document, held against the service', () => {
  let service: TestApp;
  let fixture: AuthFixture;
  let document: Json;

  beforeAll(async () => {
    service = await startTestApp({ now: '2026-10-15T12:00:00Z' });
    fixture = await authFixture(service);
    document = (await service.anonymous().get('/docs-json').expect(200)).body as Json;
  });
  afterAll(() => service.close());

  const pathOf = (endpoint: Endpoint) =>
    endpoint.route
      .replace('{customerId}', fixture.ada.id)
      .replace('{invoiceId}', fixture.ada.invoiceId)
      .replace('{number}', encodeURIComponent(fixture.ada.phoneNumber))
      .replace('{cdrFileId}', fixture.cdrFileId);

  function send(endpoint: Endpoint, body: unknown, query = '') {
    // An endpoint's own query parameters first, then the test's (`?unexpected=1` becomes `&unexpected=1`).
    const fullQuery =
      endpoint.query && query ? `${endpoint.query}&${query.slice(1)}` : (endpoint.query ?? query);
    const test = service.http()[endpoint.method](`${pathOf(endpoint)}${fullQuery}`);
    if (endpoint.csv) return test.set('Content-Type', 'text/csv').send(endpoint.csv(fixture.ada));
    return body === undefined ? test : test.send(body as object);
  }

  function bodySchemaOf(endpoint: Endpoint): Json | undefined {
    const operation = document.paths[endpoint.route][endpoint.method] as Json;
    const schema = operation.requestBody?.content['application/json'].schema as Json | undefined;
    return schema?.$ref ? (document.components.schemas[schema.$ref.split('/').pop()] as Json) : schema;
  }

  const withBodies = ENDPOINTS.filter(
    (endpoint) =>
      endpoint.method !== 'get' &&
      endpoint.method !== 'delete' &&
      endpoint.route !== '/v1/calls/batch' &&
      // A CSV body has no JSON schema: the CDR file's rows are judged one by one (test/cdr-files).
      endpoint.csv === undefined,
  );
  const cases = withBodies.flatMap((endpoint) => [
    [`${endpoint.method.toUpperCase()} ${endpoint.route}`, endpoint] as const,
  ]);

  it.each(cases)(
    '%s: refuses every value its body schema refuses, with a 400 that changes nothing',
    async (_name, endpoint) => {
      const schema = bodySchemaOf(endpoint)!;
      expect(schema.additionalProperties).toBe(false);
      const before = await dbFingerprint(service);
      const base = endpoint.body?.(fixture.ada) ?? {};
      const tries: [string, unknown][] = [['an unknown field', { ...base, unexpected: 1 }]];
      for (const [field, property] of Object.entries((schema.properties ?? {}) as Json)) {
        for (const [what, value] of refusedBy(property))
          tries.push([`${field}: ${what}`, { ...base, [field]: value }]);
      }
      for (const [what, body] of tries) {
        const response = await send(endpoint, body);
        expect({ what, status: response.status }).toEqual({ what, status: 400 });
      }
      expect(await dbFingerprint(service)).toEqual(before);
    },
  );

  it('POST /v1/calls/batch: refuses each item its item schema refuses, alone, and the batch over maxItems', async () => {
    const item = bodySchemaOf(ENDPOINTS.find((endpoint) => endpoint.route === '/v1/calls')!)!;
    const batch = ENDPOINTS.find((endpoint) => endpoint.route === '/v1/calls/batch')!;
    const before = await dbFingerprint(service);
    const base = ENDPOINTS.find((endpoint) => endpoint.route === '/v1/calls')!.body!(fixture.ada) as Json;
    const calls: unknown[] = [{ ...base, unexpected: 1 }];
    for (const [field, property] of Object.entries(item.properties as Json)) {
      for (const [, value] of refusedBy(property)) calls.push({ ...base, [field]: value });
    }
    const response = await send(batch, { calls }).expect(200);
    expect(response.body.accepted).toBe(0);
    expect(response.body.rejected.map((rejected: Json) => [rejected.index, rejected.status])).toEqual(
      calls.map((_call, index) => [index, 400]),
    );
    await send(batch, { calls: Array.from({ length: 10_001 }, () => base) }).expect(400);
    expect(await dbFingerprint(service)).toEqual(before);
  });

  it.each([
    ...ENDPOINTS.map((endpoint) => [`${endpoint.method.toUpperCase()} ${endpoint.route}`, endpoint] as const),
  ])('%s: refuses a query parameter it does not document', async (_name, endpoint) => {
    const operation = document.paths[endpoint.route][endpoint.method] as Json;
    expect((operation.parameters as Json[]).map((parameter) => parameter.name)).not.toContain('unexpected');
    const response = await send(endpoint, endpoint.body?.(fixture.ada), '?unexpected=1').expect(400);
    expect(response.body.errors).toEqual([{ field: 'unexpected', message: 'is not a known field' }]);
  });

  it('GET /health: refuses a query parameter too', async () => {
    const response = await service.anonymous().get('/health?unexpected=1').expect(400);
    expect(response.body.errors).toEqual([{ field: 'unexpected', message: 'is not a known field' }]);
  });
});
