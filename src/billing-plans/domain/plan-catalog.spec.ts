import { aCallToRate } from '../../../test/support/call-to-rate.mother';
import { InvalidPlanCatalogError, UnknownPlanError } from './billing-plan.errors';
import { DEFAULT_PLAN_CATALOG, PlanCatalog } from './plan-catalog';

/** A call of whole minutes, as plans are rated today. */
const aCallOf = (minutes: number) => aCallToRate({ minutes });

const postpaid = { type: 'postpaid', ratePerMinute: '0.02', currency: 'USD' };
const prepaid = { type: 'prepaid', ratePerMinute: '0.02', currency: 'USD' };
const flat = {
  type: 'flat',
  monthlyFee: '20.00',
  includedMinutes: null,
  overageRatePerMinute: '0.02',
  currency: 'USD',
};

/** Expects the catalog to be refused with a message naming the plan and the field. */
function expectRefused(raw: unknown, plan: string, field: string, defaultPlan = 'postpaid') {
  const build = () => PlanCatalog.fromConfiguration(raw, defaultPlan);
  expect(build).toThrow(InvalidPlanCatalogError);
  expect(build).toThrow(`Invalid billing plans: plan "${plan}", field "${field}": `);
}

describe('PlanCatalog', () => {
  describe('the built-in catalog', () => {
    const catalog = PlanCatalog.fromConfiguration(DEFAULT_PLAN_CATALOG, 'postpaid');

    it('offers postpaid, prepaid and flat, with postpaid for new customers', () => {
      expect(catalog.list().map((plan) => plan.code)).toEqual(['postpaid', 'prepaid', 'flat']);
      expect(catalog.defaultPlanCode).toBe('postpaid');
    });

    it('describes its plans as the API documents them', () => {
      expect(catalog.list().map((plan) => plan.describe())).toEqual([
        { code: 'postpaid', ...postpaid },
        { code: 'prepaid', ...prepaid },
        { code: 'flat', ...flat },
      ]);
    });

    it('rates calls by the configured plans', () => {
      expect(catalog.get('postpaid').rateCall(aCallOf(3)).charge.toString()).toBe('0.06');
      expect(catalog.get('prepaid').drawsFromBalance).toBe(true);
      expect(catalog.get('flat').rateCall(aCallOf(3)).charge.toString()).toBe('0.00');
    });
  });

  it('builds a custom catalog, with more than one plan of a type', () => {
    const catalog = PlanCatalog.fromConfiguration(
      {
        business: { type: 'postpaid', ratePerMinute: '0.015', currency: 'EUR' },
        'payg-2': { type: 'prepaid', ratePerMinute: '0.05', currency: 'EUR' },
        unlimited_eu: { ...flat, monthlyFee: '35.50', includedMinutes: 1000, currency: 'EUR' },
        'free-trial': { type: 'postpaid', ratePerMinute: '0', currency: 'EUR' },
      },
      'business',
    );
    expect(catalog.defaultPlanCode).toBe('business');
    expect(catalog.get('business').rateCall(aCallOf(3)).charge.toJSON()).toEqual({
      amount: '0.045',
      currency: 'EUR',
    });
    expect(catalog.get('payg-2').type).toBe('prepaid');
    expect(catalog.get('unlimited_eu').describe()).toEqual({
      code: 'unlimited_eu',
      type: 'flat',
      monthlyFee: '35.50',
      includedMinutes: 1000,
      overageRatePerMinute: '0.02',
      currency: 'EUR',
    });
    expect(catalog.get('free-trial').rateCall(aCallOf(60)).charge.isZero()).toBe(true);
    expect(catalog.has('business')).toBe(true);
    expect(catalog.has('postpaid')).toBe(false);
  });

  it('treats a flat plan without includedMinutes as unlimited', () => {
    const unlimited: Record<string, unknown> = { ...flat };
    delete unlimited.includedMinutes;
    const catalog = PlanCatalog.fromConfiguration({ flat: unlimited }, 'flat');
    expect(catalog.get('flat').describe().includedMinutes).toBeNull();
  });

  it('gives a prepaid plan its low-balance threshold, exactly, and shows it in its description', () => {
    const catalog = PlanCatalog.fromConfiguration(
      { postpaid, prepaid: { ...prepaid, lowBalanceThreshold: '5.005' } },
      'postpaid',
    );
    expect(catalog.get('prepaid').balance?.lowBalanceThreshold?.toString()).toBe('5.005');
    expect(catalog.get('prepaid').describe().lowBalanceThreshold).toBe('5.005');
    const without = PlanCatalog.fromConfiguration({ postpaid, prepaid }, 'postpaid').get('prepaid');
    expect(without.balance?.lowBalanceThreshold).toBeNull();
    expect(without.describe()).not.toHaveProperty('lowBalanceThreshold');
  });

  describe('refuses a wrong configuration, naming the plan and the field', () => {
    it.each([[5], ['-1.00'], ['abc'], [null]])('the low-balance threshold %j', (threshold) => {
      expectRefused(
        { postpaid, prepaid: { ...prepaid, lowBalanceThreshold: threshold } },
        'prepaid',
        'lowBalanceThreshold',
      );
    });

    it('a low-balance threshold on a plan that draws from no balance', () => {
      expectRefused(
        { postpaid: { ...postpaid, lowBalanceThreshold: '5.00' } },
        'postpaid',
        'lowBalanceThreshold',
      );
    });

    it('an unknown plan type', () => {
      expectRefused({ postpaid, gold: { ...postpaid, type: 'platinum' } }, 'gold', 'type');
    });

    it.each([['toString'], ['constructor'], ['__proto__'], ['hasOwnProperty']])(
      'the type %j, which is not a plan type but a property every object has',
      (type) => {
        expectRefused({ postpaid, gold: { ...postpaid, type } }, 'gold', 'type');
      },
    );

    it('a plan without a type', () => {
      expectRefused({ postpaid, gold: { ratePerMinute: '0.02', currency: 'USD' } }, 'gold', 'type');
    });

    it('a negative rate', () => {
      expectRefused({ postpaid: { ...postpaid, ratePerMinute: '-0.02' } }, 'postpaid', 'ratePerMinute');
    });

    it.each([['abc'], [0.02], ['1e-2'], [''], [null]])('the malformed rate %j', (rate) => {
      expectRefused({ postpaid: { ...postpaid, ratePerMinute: rate } }, 'postpaid', 'ratePerMinute');
    });

    it('a rate given as a JSON number, even a whole one', () => {
      expectRefused({ postpaid: { ...postpaid, ratePerMinute: 1 } }, 'postpaid', 'ratePerMinute');
    });

    it('a malformed monthly fee or overage rate', () => {
      expectRefused({ postpaid, flat: { ...flat, monthlyFee: 20 } }, 'flat', 'monthlyFee');
      expectRefused(
        { postpaid, flat: { ...flat, overageRatePerMinute: '-0.01' } },
        'flat',
        'overageRatePerMinute',
      );
    });

    it.each([[-1], [1.5], ['100'], [true]])('the included minutes %j', (includedMinutes) => {
      expectRefused({ postpaid, flat: { ...flat, includedMinutes } }, 'flat', 'includedMinutes');
    });

    it('a missing currency', () => {
      const withoutCurrency: Record<string, unknown> = { ...postpaid };
      delete withoutCurrency.currency;
      expectRefused({ postpaid: withoutCurrency }, 'postpaid', 'currency');
    });

    it.each([['usd'], ['US'], ['US Dollar'], [840]])('the currency %j', (currency) => {
      expectRefused({ postpaid, prepaid: { ...prepaid, currency } }, 'prepaid', 'currency');
    });

    it('a setting the plan type does not have', () => {
      expectRefused({ postpaid: { ...postpaid, monthlyFee: '20.00' } }, 'postpaid', 'monthlyFee');
      expectRefused({ postpaid, flat: { ...flat, ratePerMinute: '0.02' } }, 'flat', 'ratePerMinute');
    });

    it.each([['0'], ['0.00']])('a prepaid rate of %j, which would buy endless minutes', (rate) => {
      expectRefused({ postpaid, prepaid: { ...prepaid, ratePerMinute: rate } }, 'prepaid', 'ratePerMinute');
    });

    it('a DEFAULT_PLAN that is not in the catalog', () => {
      expectRefused({ postpaid, flat }, 'prepaid', 'DEFAULT_PLAN', 'prepaid');
    });

    it.each([['Gold'], ['gold plan'], ['-gold'], ['g'.repeat(65)]])('the plan code %j', (code) => {
      expectRefused({ postpaid, [code]: postpaid }, code, 'code');
    });

    it('a plan that is not an object', () => {
      expectRefused({ postpaid, gold: null }, 'gold', '*');
      expectRefused({ postpaid, gold: 'postpaid' }, 'gold', '*');
    });

    it.each([[{}], [[]], [null], ['postpaid'], [42]])('the catalog %j, which has no plans', (raw) => {
      expectRefused(raw, '*', '*');
    });
  });

  describe('get', () => {
    const catalog = PlanCatalog.fromConfiguration(DEFAULT_PLAN_CATALOG, 'postpaid');

    it('finds a plan by its code', () => {
      expect(catalog.get('flat').code).toBe('flat');
    });

    it('refuses an unknown code with unknown_plan, listing the known ones', () => {
      expect(() => catalog.get('gold')).toThrow(UnknownPlanError);
      expect(() => catalog.get('gold')).toThrow(
        expect.objectContaining({ code: 'unknown_plan', category: 'validation', field: 'plan' }),
      );
      expect(() => catalog.get('gold')).toThrow(
        'unknown plan "gold"; the catalog has postpaid, prepaid, flat',
      );
    });

    it('does not find inherited object properties as plans', () => {
      expect(() => catalog.get('constructor')).toThrow(UnknownPlanError);
      expect(catalog.has('toString')).toBe(false);
    });
  });
});
