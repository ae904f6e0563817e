import { join } from 'node:path';
import { startTestApp, TestApp } from '../support/test-app';

const EXAMPLE = join(__dirname, '../../config/billing-plans.example.json');

interface SchemaObject {
  type?: string;
  $ref?: string;
  items?: SchemaObject;
  properties?: Record<string, SchemaObject>;
  required?: string[];
  allOf?: SchemaObject[];
}

describe('GET /v1/plans with destination decks and dated versions', () => {
  let service: TestApp;

  beforeAll(async () => {
    service = await startTestApp({
      now: '2026-10-15T12:00:00Z',
      env: { BILLING_PLANS_FILE: EXAMPLE, DEFAULT_PLAN: 'postpaid-intl' },
    });
  });
  afterAll(() => service.close());

  const plans = async () =>
    (await service.http().get('/v1/plans').expect(200)).body as { data: Record<string, unknown>[] };
  const plan = async (code: string) => (await plans()).data.find((entry) => entry.code === code)!;

  it('describes plans without rating settings as before', async () => {
    expect(await plan('postpaid')).toEqual({
      code: 'postpaid',
      type: 'postpaid',
      ratePerMinute: '0.02',
      currency: 'USD',
    });
  });

  it('shows the version in force now and the future one, decks by size and file', async () => {
    const intl = await plan('intl');
    expect(intl).toMatchObject({
      code: 'intl',
      type: 'postpaid',
      currency: 'USD',
      effectiveFrom: null,
      ratePerMinute: '0.03',
      billingIncrement: { firstSeconds: 60, nextSeconds: 1 },
      connectFee: '0.00',
      destinations: { size: 27, file: 'rates/intl.csv' },
      versions: [
        {
          effectiveFrom: '2027-01-01T00:00:00.000Z',
          ratePerMinute: '0.025',
          billingIncrement: { firstSeconds: 60, nextSeconds: 1 },
          connectFee: '0.00',
          destinations: { size: 27, file: 'rates/intl-2027.csv' },
        },
      ],
    });
    expect((intl.destinations as { entries: unknown[] }).entries).toContainEqual({
      prefix: '+35191',
      group: 'Portugal mobile',
      ratePerMinute: '0.05',
    });
  });

  it('shows a version as the current one from its effectiveFrom instant on', async () => {
    service.clock.set('2027-01-01T00:00:00Z');
    try {
      expect(await plan('intl')).toMatchObject({
        effectiveFrom: '2027-01-01T00:00:00.000Z',
        ratePerMinute: '0.025',
        destinations: { file: 'rates/intl-2027.csv' },
        versions: [],
      });
    } finally {
      service.clock.set('2026-10-15T12:00:00Z');
    }
  });

  it('answers only fields its OpenAPI schema declares: per-minute plans with their rating, flat plans', async () => {
    // Every response in the integration suites is validated against /docs-json (test/support/openapi-contract.ts),
    // closed objects included: this request fails on any field the document does not declare.
    const document = (await service.http().get('/docs-json').expect(200)).body as {
      components: { schemas: Record<string, SchemaObject> };
    };
    const perMinute = document.components.schemas.PerMinutePlanResponse.properties!;
    const intl = await plan('intl');
    expect(Object.keys(intl).filter((field) => !(field in perMinute))).toEqual([]);
    expect(Object.keys(perMinute)).toEqual(
      expect.arrayContaining(['billingIncrement', 'connectFee', 'destinations', 'effectiveFrom', 'versions']),
    );
  });
});
