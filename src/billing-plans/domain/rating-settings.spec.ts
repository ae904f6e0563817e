import { aCallToRate } from '../../../test/support/call-to-rate.mother';
import { InvalidPlanCatalogError } from './billing-plan.errors';
import { PlanCatalog } from './plan-catalog';

const postpaid = { type: 'postpaid', ratePerMinute: '0.02', currency: 'USD' };
const flat = {
  type: 'flat',
  monthlyFee: '20.00',
  includedMinutes: 100,
  overageRatePerMinute: '0.02',
  currency: 'USD',
};
const deck = [{ prefix: '+351', group: 'Portugal', ratePerMinute: '0.02' }];

function expectRefused(spec: Record<string, unknown>, field: string, problem = '') {
  const build = () => PlanCatalog.fromConfiguration({ plan: spec }, 'plan');
  expect(build).toThrow(InvalidPlanCatalogError);
  expect(build).toThrow(`Invalid billing plans: plan "plan", field "${field}": `);
  expect(build).toThrow(problem);
}
const built = (spec: Record<string, unknown>) =>
  PlanCatalog.fromConfiguration({ plan: spec }, 'plan').get('plan');

describe('rating settings of the catalog', () => {
  it('defaults to 60/60 without a connect fee: a plan without them rates as it always did', () => {
    const rating = built(postpaid).rateCall(aCallToRate({ durationSeconds: 61 }));
    expect(rating.billedSeconds).toBe(120);
    expect(rating.charge.toString()).toBe('0.04');
  });

  it('takes a billing increment and a connect fee', () => {
    const plan = built({
      ...postpaid,
      billingIncrement: { firstSeconds: 30, nextSeconds: 6 },
      connectFee: '0.05',
    });
    const rating = plan.rateCall(aCallToRate({ durationSeconds: 31 }));
    expect(rating.billedSeconds).toBe(36);
    expect(rating.charge.toString()).toBe('0.062'); // 0.05 + 36 × 0.02 / 60
  });

  it('counts flat calls in billed seconds by the plan increment', () => {
    const plan = built({ ...flat, billingIncrement: { firstSeconds: 1, nextSeconds: 1 } });
    const rating = plan.rateCall(aCallToRate({ durationSeconds: 61 }));
    expect(rating.billedSeconds).toBe(61);
    expect(rating.charge.isZero()).toBe(true);
  });

  it.each([
    [{ firstSeconds: 0, nextSeconds: 1 }],
    [{ firstSeconds: 60 }],
    [{ firstSeconds: 60, nextSeconds: 1.5 }],
    [{ firstSeconds: 60, nextSeconds: '1' }],
    [{ firstSeconds: 86_401, nextSeconds: 1 }],
    [{ firstSeconds: 60, nextSeconds: 1, thirdSeconds: 1 }],
    ['60/1'],
    [null],
  ])('refuses the billing increment %j', (billingIncrement) => {
    expectRefused({ ...postpaid, billingIncrement }, 'billingIncrement', 'must be { "firstSeconds"');
    expectRefused({ ...flat, billingIncrement }, 'billingIncrement');
  });

  it.each([['-0.01'], [0.1], ['0.0000001'], ['1e-1'], [null]])('refuses the connect fee %j', (connectFee) => {
    expectRefused({ ...postpaid, connectFee }, 'connectFee', 'must be a non-negative decimal string');
  });

  it('refuses a connect fee on a flat plan, whose calls are free', () => {
    expectRefused({ ...flat, connectFee: '0.10' }, 'connectFee', 'is not a setting of this plan type');
  });

  it('refuses a rate with more than 6 decimals: a charge of whole minutes must stay exact', () => {
    expectRefused({ ...postpaid, ratePerMinute: '0.0000001' }, 'ratePerMinute', 'at most 6 decimals');
  });

  it('refuses a destination that is not a prefix, group and rate, naming its index', () => {
    expectRefused(
      { ...postpaid, destinations: [...deck, { prefix: '351', group: 'PT', ratePerMinute: '0.02' }] },
      'destinations[1]',
      'malformed prefix "351"',
    );
    expectRefused(
      { ...postpaid, destinations: [...deck, { prefix: '+1', group: '', ratePerMinute: '0.02' }] },
      'destinations[1]',
      'group ""',
    );
    expectRefused(
      { ...postpaid, destinations: [{ prefix: '+1', group: 'US', ratePerMinute: 0.01 }] },
      'destinations[0]',
      'ratePerMinute 0.01',
    );
    expectRefused(
      { ...postpaid, destinations: [{ ...deck[0], country: 'PT' }] },
      'destinations[0].country',
      'is not a setting of a destination',
    );
    expectRefused({ ...postpaid, destinations: ['+351'] }, 'destinations[0]');
    expectRefused({ ...postpaid, destinations: { '+351': '0.02' } }, 'destinations');
  });

  it('refuses a prefix given twice, naming both indexes', () => {
    expectRefused(
      { ...postpaid, destinations: [...deck, ...deck] },
      'destinations[1]',
      'duplicate prefix "+351" (first at destinations[0])',
    );
  });

  it('refuses a plan with neither a rate of its own nor a deck', () => {
    const withoutRate: Record<string, unknown> = { ...postpaid };
    delete withoutRate.ratePerMinute;
    expectRefused(withoutRate, 'ratePerMinute', 'is required unless calls are priced by destinations');
    expectRefused({ ...withoutRate, destinations: [] }, 'ratePerMinute');
  });

  it('refuses both destinations and destinationsFile', () => {
    expectRefused(
      { ...postpaid, destinations: deck, destinationsFile: 'rates/pt.csv' },
      'destinationsFile',
      'not both',
    );
  });

  it('refuses a destinationsFile in a catalog built without a file reader (the built-in one)', () => {
    expectRefused(
      { ...postpaid, destinationsFile: 'rates/pt.csv' },
      'destinationsFile',
      'read only from a catalog file',
    );
  });

  it('refuses a free destination on a prepaid plan, whose balance would never run out', () => {
    expectRefused(
      {
        ...postpaid,
        type: 'prepaid',
        destinations: [...deck, { prefix: '+800', group: 'Freephone', ratePerMinute: '0' }],
      },
      'destinations[1]',
      'ratePerMinute must be above zero on a prepaid plan',
    );
  });

  it('accepts a free destination on a postpaid plan', () => {
    const plan = built({
      ...postpaid,
      destinations: [{ prefix: '+800', group: 'Freephone', ratePerMinute: '0' }],
    });
    expect(plan.rateCall(aCallToRate({ destination: '+80012345678' })).charge.isZero()).toBe(true);
  });

  it('refuses the rating settings on a plan type that does not read them', () => {
    expectRefused({ ...flat, destinations: deck }, 'destinations', 'is not a setting of this plan type');
    expectRefused({ ...flat, versions: [] }, 'versions', 'is not a setting of this plan type');
  });
});
