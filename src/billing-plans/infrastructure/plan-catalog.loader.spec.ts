import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InvalidPlanCatalogError } from '../domain/billing-plan.errors';
import { loadPlanCatalog } from './plan-catalog.loader';

describe('loadPlanCatalog', () => {
  let dir: string;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'plan-catalog-'));
  });

  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  function file(name: string, content: string): string {
    const path = join(dir, name);
    writeFileSync(path, content, 'utf8');
    return path;
  }

  it('uses the built-in catalog when no file is configured', () => {
    const catalog = loadPlanCatalog({ BILLING_PLANS_FILE: undefined, DEFAULT_PLAN: 'postpaid' });
    expect(catalog.list().map((plan) => plan.code)).toEqual(['postpaid', 'prepaid', 'flat']);
    expect(catalog.defaultPlanCode).toBe('postpaid');
  });

  it('reads the plans from the configured JSON file', () => {
    const path = file(
      'plans.json',
      JSON.stringify({
        business: { type: 'postpaid', ratePerMinute: '0.015', currency: 'EUR' },
        unlimited: {
          type: 'flat',
          monthlyFee: '30.00',
          includedMinutes: null,
          overageRatePerMinute: '0.00',
          currency: 'EUR',
        },
      }),
    );
    const catalog = loadPlanCatalog({ BILLING_PLANS_FILE: path, DEFAULT_PLAN: 'business' });
    expect(catalog.list().map((plan) => plan.describe())).toEqual([
      { code: 'business', type: 'postpaid', ratePerMinute: '0.015', currency: 'EUR' },
      {
        code: 'unlimited',
        type: 'flat',
        monthlyFee: '30.00',
        includedMinutes: null,
        overageRatePerMinute: '0.00',
        currency: 'EUR',
      },
    ]);
    expect(catalog.defaultPlanCode).toBe('business');
  });

  it('stops start-up when the file cannot be read, naming the file', () => {
    const path = join(dir, 'missing.json');
    const load = () => loadPlanCatalog({ BILLING_PLANS_FILE: path, DEFAULT_PLAN: 'postpaid' });
    expect(load).toThrow(InvalidPlanCatalogError);
    expect(load).toThrow(`field "BILLING_PLANS_FILE": cannot read ${path}`);
  });

  it('stops start-up when the path is a directory', () => {
    const load = () => loadPlanCatalog({ BILLING_PLANS_FILE: dir, DEFAULT_PLAN: 'postpaid' });
    expect(load).toThrow(InvalidPlanCatalogError);
    expect(load).toThrow('field "BILLING_PLANS_FILE"');
  });

  it('stops start-up when the file is not JSON, naming the file', () => {
    const path = file('broken.json', '{ "postpaid": { "type": "postpaid", ');
    const load = () => loadPlanCatalog({ BILLING_PLANS_FILE: path, DEFAULT_PLAN: 'postpaid' });
    expect(load).toThrow(InvalidPlanCatalogError);
    expect(load).toThrow(`field "BILLING_PLANS_FILE": cannot read ${path}`);
  });

  it('stops start-up when the file holds an invalid catalog, naming the plan and field', () => {
    const path = file(
      'negative.json',
      JSON.stringify({ postpaid: { type: 'postpaid', ratePerMinute: '-0.02', currency: 'USD' } }),
    );
    const load = () => loadPlanCatalog({ BILLING_PLANS_FILE: path, DEFAULT_PLAN: 'postpaid' });
    expect(load).toThrow('plan "postpaid", field "ratePerMinute"');
  });

  it('checks DEFAULT_PLAN against the file, not the built-in catalog', () => {
    const path = file(
      'only-business.json',
      JSON.stringify({ business: { type: 'postpaid', ratePerMinute: '0.02', currency: 'USD' } }),
    );
    const load = () => loadPlanCatalog({ BILLING_PLANS_FILE: path, DEFAULT_PLAN: 'postpaid' });
    expect(load).toThrow('plan "postpaid", field "DEFAULT_PLAN"');
  });
});
