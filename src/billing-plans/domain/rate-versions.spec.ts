import { aCallToRate } from '../../../test/support/call-to-rate.mother';
import { Money } from '../../shared/domain/money';
import { InvalidPlanCatalogError } from './billing-plan.errors';
import { PlanCatalog } from './plan-catalog';

const intl = {
  type: 'prepaid',
  currency: 'USD',
  ratePerMinute: '0.02',
  destinations: [
    { prefix: '+351', group: 'Portugal', ratePerMinute: '0.02' },
    { prefix: '+3519', group: 'Portugal mobile', ratePerMinute: '0.05' },
  ],
  versions: [
    { effectiveFrom: '2027-01-01T00:00:00Z', ratePerMinute: '0.018' },
    {
      effectiveFrom: '2027-03-01T00:00:00+01:00',
      billingIncrement: { firstSeconds: 30, nextSeconds: 6 },
      destinations: [{ prefix: '+3519', group: 'Portugal mobile', ratePerMinute: '0.04' }],
    },
  ],
};
const plan = PlanCatalog.fromConfiguration({ intl }, 'intl').get('intl');
const startingAt = (startedAt: string, destination: string | null = '+351912345678', durationSeconds = 61) =>
  aCallToRate({ startedAt: new Date(startedAt), destination, durationSeconds });

describe('dated rate versions', () => {
  it('rates a call by the version in force from its exact effectiveFrom instant', () => {
    expect(plan.rateCall(startingAt('2027-01-01T00:00:00.000Z', null)).rate.ratePerMinute.toString()).toBe(
      '0.018',
    );
  });

  it('rates a call started 1 ms before effectiveFrom by the version before', () => {
    expect(plan.rateCall(startingAt('2026-12-31T23:59:59.999Z', null)).rate.ratePerMinute.toString()).toBe(
      '0.02',
    );
  });

  it('reads effectiveFrom with its offset: +01:00 midnight is 23:00 UTC the day before', () => {
    expect(plan.rateCall(startingAt('2027-02-28T22:59:59.999Z')).rate.ratePerMinute.toString()).toBe('0.05');
    expect(plan.rateCall(startingAt('2027-02-28T23:00:00.000Z')).rate.ratePerMinute.toString()).toBe('0.04');
  });

  it('carries over what a version does not change', () => {
    // 2027-01: only the default rate changed; the deck and the increment (60/60) carry over.
    const mobile = plan.rateCall(startingAt('2027-01-15T00:00:00Z'));
    expect(mobile.rate).toEqual({ group: 'Portugal mobile', ratePerMinute: Money.of('0.05', 'USD') });
    expect(mobile.billedSeconds).toBe(120);
    // 2027-03: the increment changed and the default rate carries over from 2027-01.
    expect(plan.rateCall(startingAt('2027-03-15T00:00:00Z', null)).rate.ratePerMinute.toString()).toBe(
      '0.018',
    );
    expect(plan.rateCall(startingAt('2027-03-15T00:00:00Z')).billedSeconds).toBe(66);
  });

  it('replaces the deck as a whole when a version gives one', () => {
    // +351 2… was "Portugal" before March; the March deck has only +3519, so it falls to the default.
    expect(plan.rateCall(startingAt('2027-02-15T00:00:00Z', '+351212345678')).rate.group).toBe('Portugal');
    expect(plan.rateCall(startingAt('2027-03-15T00:00:00Z', '+351212345678')).rate.group).toBe('default');
  });

  it('rates a late call, started before a change and received after it, at the old price', () => {
    // The call is rated whenever it arrives; only its start instant chooses the version.
    const lateCall = startingAt('2026-12-31T23:58:00Z', '+351212345678', 120);
    const rating = plan.rateCall(lateCall);
    expect(rating.rate).toEqual({ group: 'Portugal', ratePerMinute: Money.of('0.02', 'USD') });
    expect(rating.charge.toString()).toBe('0.04');
  });

  it('answers the balance capability by the version in force at the instant asked', () => {
    const balance = Money.of('1.00', 'USD');
    const askAt = (instant: string) => ({
      destination: '+351912345678',
      startedAt: new Date(instant),
      phoneNumber: '+351912345678',
    });
    expect(plan.balance!.ratePerMinuteFor(askAt('2027-02-01T00:00:00Z')).toString()).toBe('0.05');
    expect(plan.balance!.ratePerMinuteFor(askAt('2027-04-01T00:00:00Z')).toString()).toBe('0.04');
    expect(plan.balance!.remainingSeconds(balance, askAt('2027-02-01T00:00:00Z'))).toBe(1200); // 60/60 at 0.05
    expect(plan.balance!.remainingSeconds(balance, askAt('2027-04-01T00:00:00Z'))).toBe(1500); // 30/6 at 0.04
  });
});

describe('dated rate versions: configuration refused, naming the plan and the version', () => {
  const refused = (spec: Record<string, unknown>, field: string, problem = '') => {
    const build = () => PlanCatalog.fromConfiguration({ intl: spec }, 'intl');
    expect(build).toThrow(InvalidPlanCatalogError);
    expect(build).toThrow(`Invalid billing plans: plan "intl", field "${field}": ${problem}`);
  };
  const version = (changes: Record<string, unknown>) => ({ ...intl, versions: [changes] });

  it.each([
    ['2027-01-01'],
    ['2027-01-01T00:00:00'],
    ['2027-02-30T00:00:00Z'],
    ['soon'],
    [1798761600000],
    [null],
  ])('an effectiveFrom %j that is not an instant with an offset', (effectiveFrom) => {
    refused(version({ effectiveFrom, ratePerMinute: '0.01' }), 'versions[0].effectiveFrom');
  });

  it('versions that do not start at strictly increasing instants', () => {
    const at = (effectiveFrom: string) => ({ effectiveFrom, ratePerMinute: '0.01' });
    refused(
      { ...intl, versions: [at('2027-01-01T00:00:00Z'), at('2027-01-01T01:00:00+01:00')] },
      'versions[1].effectiveFrom',
      "must be later than the previous version's 2027-01-01T00:00:00.000Z",
    );
    refused(
      { ...intl, versions: [at('2027-02-01T00:00:00Z'), at('2027-01-01T00:00:00Z')] },
      'versions[1].effectiveFrom',
    );
  });

  it('a version that changes nothing', () => {
    refused(version({ effectiveFrom: '2027-01-01T00:00:00Z' }), 'versions[0]', 'changes nothing');
  });

  it('a setting a version cannot change', () => {
    refused(version({ effectiveFrom: '2027-01-01T00:00:00Z', currency: 'EUR' }), 'versions[0].currency');
  });

  it('a bad rate, increment or fee in a version', () => {
    const at = '2027-01-01T00:00:00Z';
    refused(version({ effectiveFrom: at, ratePerMinute: 0.01 }), 'versions[0].ratePerMinute');
    refused(
      version({ effectiveFrom: at, ratePerMinute: '0' }),
      'versions[0].ratePerMinute',
      'must be above zero',
    );
    refused(version({ effectiveFrom: at, connectFee: '-1' }), 'versions[0].connectFee');
    refused(
      version({ effectiveFrom: at, billingIncrement: { firstSeconds: 0, nextSeconds: 1 } }),
      'versions[0].billingIncrement',
    );
  });

  it('a bad destination in a version deck, naming the version and the index', () => {
    refused(
      version({
        effectiveFrom: '2027-01-01T00:00:00Z',
        destinations: [
          { prefix: '+44', group: 'UK', ratePerMinute: '0.03' },
          { prefix: '+44', group: 'UK again', ratePerMinute: '0.04' },
        ],
      }),
      'versions[0].destinations[1]',
      'duplicate prefix "+44" (first at versions[0].destinations[0])',
    );
  });

  it('a version that leaves no price at all', () => {
    refused(
      {
        type: 'postpaid',
        currency: 'USD',
        ratePerMinute: '0.02',
        versions: [{ effectiveFrom: '2027-01-01T00:00:00Z', ratePerMinute: null }],
      },
      'versions[0].ratePerMinute',
      'is required unless calls are priced by destinations',
    );
  });

  it('versions that are not a list', () => {
    refused({ ...intl, versions: { effectiveFrom: '2027-01-01T00:00:00Z' } }, 'versions');
    refused({ ...intl, versions: ['2027-01-01T00:00:00Z'] }, 'versions[0]');
  });
});
