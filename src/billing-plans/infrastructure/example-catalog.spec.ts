import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { aCallToRate } from '../../../test/support/call-to-rate.mother';
import { PlanCatalog } from '../domain/plan-catalog';
import { PLAN_TYPES } from '../domain/plan-types.registry';
import { csvDeckFileReader } from './csv-deck-file.reader';
import { loadPlanCatalog } from './plan-catalog.loader';

const ROOT = join(__dirname, '../../..');
const EXAMPLE = join(ROOT, 'config/billing-plans.example.json');
const example = JSON.parse(readFileSync(EXAMPLE, 'utf8')) as Record<string, Record<string, unknown>>;

/** The README's first JSON block after its "Billing plans by configuration" heading. */
function readmeCatalog(): unknown {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const block = /```json\n([\s\S]*?)```/.exec(
    readme.slice(readme.indexOf('## Billing plans by configuration')),
  );
  if (!block) throw new Error('README.md has no json block under "## Billing plans by configuration"');
  return JSON.parse(block[1]);
}

/** The README's worked example: 61 seconds from a Lisbon line to 912 345 678. */
const workedExample = (startedAt: string) =>
  aCallToRate({
    durationSeconds: 61,
    destination: '912 345 678',
    phoneNumber: '+351912345678',
    startedAt: new Date(startedAt),
  });

describe('the example catalog (config/billing-plans.example.json)', () => {
  const catalog = loadPlanCatalog({ BILLING_PLANS_FILE: EXAMPLE, DEFAULT_PLAN: 'postpaid-intl' });

  it('is the catalog the README prints', () => {
    expect(readmeCatalog()).toEqual(example);
  });

  it('loads, with its deck files read from config/rates/', () => {
    expect(catalog.list().map((plan) => plan.code)).toEqual(Object.keys(example));
    expect(catalog.get('intl').describe(new Date('2026-10-15T00:00:00Z'))).toMatchObject({
      destinations: { size: 27, file: 'rates/intl.csv' },
      versions: [
        {
          effectiveFrom: '2027-01-01T00:00:00.000Z',
          destinations: { size: 27, file: 'rates/intl-2027.csv' },
        },
      ],
    });
  });

  it('rates the README worked example at 60/1: 61 billed seconds, 0.050833', () => {
    const rating = catalog.get('intl').rateCall(workedExample('2026-10-05T14:03:00Z'));
    expect(rating.rate.group).toBe('Portugal mobile');
    expect(rating.rate.ratePerMinute.toString()).toBe('0.05');
    expect(rating.billedSeconds).toBe(61);
    expect(rating.charge.toString()).toBe('0.050833');
  });

  it('rates the README worked example at 60/60: 120 billed seconds, 0.10', () => {
    const perMinute = PlanCatalog.fromConfiguration(
      { intl: { ...example.intl, billingIncrement: { firstSeconds: 60, nextSeconds: 60 } } },
      'intl',
      PLAN_TYPES,
      csvDeckFileReader(EXAMPLE),
    );
    const rating = perMinute.get('intl').rateCall(workedExample('2026-10-05T14:03:00Z'));
    expect(rating.billedSeconds).toBe(120);
    expect(rating.charge.toString()).toBe('0.10');
  });

  it('rates the same call from 2027-01-01 by the 2027 deck: 0.040667', () => {
    expect(catalog.get('intl').rateCall(workedExample('2027-01-01T00:00:00Z')).charge.toString()).toBe(
      '0.040667',
    );
    expect(catalog.get('intl').rateCall(workedExample('2026-12-31T23:59:59.999Z')).charge.toString()).toBe(
      '0.050833',
    );
  });

  it('prices the rest of the world at the plan rate', () => {
    const rating = catalog
      .get('intl')
      .rateCall(aCallToRate({ destination: '+81312345678', durationSeconds: 60 }));
    expect(rating.rate.group).toBe('default');
    expect(rating.charge.toString()).toBe('0.03');
  });
});
