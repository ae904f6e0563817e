import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildOpenApiDocument } from '../../src/openapi-document';
import { OpenApiContract, type OpenApiDocument } from '../support/openapi-contract';
import { startTestApp, TestApp } from '../support/test-app';

const ROOT = join(__dirname, '../..');
/** Where `npm run openapi` writes the document too; Spectral's overrides match files in the project. */
const DOCUMENT_FILE = join(ROOT, 'dist/openapi.json');
const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

type Json = Record<string, any>;

function operationsOf(document: Json): { name: string; operation: Json }[] {
  return Object.entries(document.paths as Json).flatMap(([path, item]) =>
    METHODS.filter((method) => item[method]).map((method) => ({
      name: `${method.toUpperCase()} ${path}`,
      operation: item[method] as Json,
    })),
  );
}

function schemaOf(document: Json, name: string): Json {
  return document.components.schemas[name] as Json;
}

describe('The OpenAPI document', () => {
  let document: Json;

  beforeAll(async () => {
    document = await buildOpenApiDocument();
  });

  it('is the one the service serves at /docs-json, and needs no database to build', async () => {
    let service: TestApp | undefined;
    try {
      service = await startTestApp({ env: { MAX_CALL_MINUTES: '600' } });
      const served = await service.anonymous().get('/docs-json').expect(200);
      expect(served.body).toEqual(await buildOpenApiDocument({ MAX_CALL_MINUTES: '600' }));
      expect(schemaOf(served.body, 'CallRecordDto').properties.minutes.maximum).toBe(600);
    } finally {
      await service?.close();
    }
  });

  it('passes Spectral (spectral:oas and the OWASP API security ruleset) without an error or a warning', () => {
    mkdirSync(join(ROOT, 'dist'), { recursive: true });
    writeFileSync(DOCUMENT_FILE, JSON.stringify(document, null, 2));
    const spectral = join(ROOT, 'node_modules/@stoplight/spectral-cli/dist/index.js');
    const result = spawnSync(
      process.execPath,
      [
        spectral,
        'lint',
        DOCUMENT_FILE,
        '--ruleset',
        join(ROOT, '.spectral.yaml'),
        '--format',
        'json',
        '--quiet',
      ],
      { cwd: ROOT, encoding: 'utf8', timeout: 60_000 },
    );
    const findings = JSON.parse(result.stdout || '[]') as { code: string; message: string; path: string[] }[];
    expect(findings.map(({ code, message, path }) => `${code} at ${path.join('.')}: ${message}`)).toEqual([]);
    expect(result.status).toBe(0);
  });

  it('types what the service sends: plan objects, nullable strings, integers, uuids', () => {
    const planItems = schemaOf(document, 'PlanCatalogResponse').properties.data.items.oneOf as Json[];
    expect(planItems.map((item) => item.$ref)).toEqual([
      '#/components/schemas/PerMinutePlanResponse',
      '#/components/schemas/FlatPlanResponse',
    ]);
    expect(schemaOf(document, 'RegisterCustomerDto').properties.email).toMatchObject({
      type: 'string',
      nullable: true,
    });
    expect(schemaOf(document, 'CallRecordDto').properties.destination).toMatchObject({
      type: 'string',
      nullable: true,
      maxLength: 32,
    });
    expect(schemaOf(document, 'CallRecordDto').properties.minutes).toMatchObject({
      type: 'integer',
      minimum: 1,
      maximum: 1440,
    });
    const history = document.paths['/v1/customers/{customerId}/calls'].get as Json;
    const parameter = (name: string) =>
      (history.parameters as Json[]).find((candidate) => candidate.name === name)!;
    expect(parameter('limit').schema).toMatchObject({ type: 'integer', minimum: 1, maximum: 500 });
    expect(parameter('customerId').schema).toMatchObject({ type: 'string', format: 'uuid' });
    expect(parameter('period').schema.pattern).toBeDefined();
    expect(parameter('from').schema.pattern).toBeDefined();
    expect(parameter('phoneNumber').schema.pattern).toBe('^\\+[0-9 ().-]{2,63}$');
    expect(schemaOf(document, 'CallResponse').properties.startedAt).toMatchObject({ format: 'date-time' });
    expect(schemaOf(document, 'CallResponse').properties.phoneNumber.pattern).toBe('^\\+[1-9][0-9]{1,14}$');
    expect(schemaOf(document, 'CallRecordDto').properties.callId.pattern).toBe('^[A-Za-z0-9._:-]{1,128}$');
  });

  it('closes every object: unknown fields are refused in requests and never sent', () => {
    for (const [name, schema] of Object.entries(document.components.schemas as Json)) {
      if (schema.type === 'object')
        expect({ name, closed: schema.additionalProperties }).toEqual({ name, closed: false });
    }
  });

  it('limits what a client sends to what the service takes', () => {
    expect(schemaOf(document, 'CallBatchDto').properties.calls.maxItems).toBe(10_000);
    expect(schemaOf(document, 'RegisterCustomerDto').properties.phoneNumbers).toMatchObject({
      maxItems: 1000,
      items: { maxLength: 64 },
    });
    expect(schemaOf(document, 'RegisterCustomerDto').properties.name).toMatchObject({
      minLength: 1,
      maxLength: 200,
    });
  });

  it('describes the keys as opaque bearer keys, not JWTs', () => {
    expect(document.components.securitySchemes.bearer).toEqual({
      type: 'http',
      scheme: 'bearer',
      description: expect.stringContaining('not a JWT'),
    });
  });

  it('documents the refusals every operation can meet: 400, 429 and 500; 413 and 415 with a body; 414 with a path id', () => {
    for (const { name, operation } of operationsOf(document)) {
      const statuses = Object.keys(operation.responses as Json);
      const expected = ['400', '429', '500'];
      if (operation.requestBody) expected.push('413', '415');
      if ((operation.parameters as Json[]).some((parameter) => parameter.in === 'path')) expected.push('414');
      expect({ name, statuses: statuses.filter((status) => expected.includes(status)).sort() }).toEqual({
        name,
        statuses: expected.sort(),
      });
    }
  });

  it('gives every problem status an example of its own status, and every example matches its schema', () => {
    const contract = new OpenApiContract(document as OpenApiDocument);
    for (const { name, operation } of operationsOf(document)) {
      for (const [status, response] of Object.entries(operation.responses as Json)) {
        for (const [type, media] of Object.entries((response.content ?? {}) as Json)) {
          const examples = [
            ...(media.example === undefined ? [] : [media.example]),
            ...Object.values((media.examples ?? {}) as Json).map((example) => example.value),
          ];
          if (Number(status) >= 400) {
            expect({ name, status, type, examples: examples.length > 0 }).toEqual({
              name,
              status,
              type,
              examples: true,
            });
            for (const example of examples)
              expect({ name, status: example.status }).toEqual({ name, status: Number(status) });
          }
          if (type.endsWith('json'))
            for (const example of examples)
              expect({ name, status, failures: contract.validate(media.schema, example, 'example') }).toEqual(
                {
                  name,
                  status,
                  failures: [],
                },
              );
        }
      }
    }
  });

  it('shows a 401 as a 401 with its own type, and a postpaid call without prepaid-only fields', () => {
    const plans = document.paths['/v1/plans'].get as Json;
    const unauthorized = Object.values(
      plans.responses['401'].content['application/problem+json'].examples as Json,
    );
    expect(unauthorized.map((example) => [example.value.status, example.value.type])).toEqual([
      [401, 'https://phone-billing.dev/problems/missing-api-key'],
      [401, 'https://phone-billing.dev/problems/invalid-api-key'],
    ]);
    const created = document.paths['/v1/calls'].post.responses['201'].content['application/json']
      .example as Json;
    expect(created).not.toHaveProperty('coveredByBalance');
    expect(created.plan).toBe('postpaid');
  });

  it('documents rate-limit headers wherever the throttler answers, Retry-After on 429 and X-Request-Id on all', () => {
    for (const { name, operation } of operationsOf(document)) {
      for (const [status, response] of Object.entries(operation.responses as Json)) {
        const headers = Object.keys((response.headers ?? {}) as Json);
        expect({ name, status, requestId: headers.includes('X-Request-Id') }).toEqual({
          name,
          status,
          requestId: true,
        });
        if (Number(status) < 500)
          expect({ name, status, limit: headers.includes('X-RateLimit-Limit') }).toEqual({
            name,
            status,
            limit: true,
          });
        if (status === '429') expect(headers).toContain('Retry-After');
      }
    }
  });

  it('defines every tag its operations use, describes every operation, and names its server', () => {
    const defined = (document.tags as Json[]).map((tag) => tag.name as string);
    for (const { name, operation } of operationsOf(document)) {
      for (const tag of operation.tags as string[])
        expect({ name, tag, defined: defined.includes(tag) }).toEqual({ name, tag, defined: true });
      expect({ name, summary: typeof operation.summary }).toEqual({ name, summary: 'string' });
    }
    expect((document.paths['/health'].get as Json).description).toContain('load balancers');
    expect(document.servers).toEqual([expect.objectContaining({ url: '/', 'x-internal': false })]);
  });
});
