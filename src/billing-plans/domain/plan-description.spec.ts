import { DEFAULT_PLAN_CATALOG, PlanCatalog } from './plan-catalog';
import type { DeckFileReader } from './deck-files';
import { INLINE_DECK_LIMIT } from './tariff-description';

/** A deck file of `size` generated rows, as the catalog loader would read it. */
const generatedDeck =
  (size: number): DeckFileReader =>
  () =>
    Array.from({ length: size }, (_, index) => ({
      where: `line ${index + 2}`,
      prefix: `+1${String(index).padStart(6, '0')}`,
      group: `Zone ${index % 7}`,
      ratePerMinute: '0.01',
    }));

const intl = {
  type: 'postpaid',
  currency: 'USD',
  ratePerMinute: '0.02',
  billingIncrement: { firstSeconds: 60, nextSeconds: 1 },
  destinations: [
    { prefix: '+351', group: 'Portugal', ratePerMinute: '0.02' },
    { prefix: '+3519', group: 'Portugal mobile', ratePerMinute: '0.05' },
  ],
  versions: [
    {
      effectiveFrom: '2027-01-01T00:00:00Z',
      ratePerMinute: '0.018',
      destinationsFile: 'rates/intl-2027.csv',
    },
    { effectiveFrom: '2027-07-01T00:00:00+01:00', connectFee: '0.01' },
  ],
};
const catalog = PlanCatalog.fromConfiguration(
  { intl },
  'intl',
  undefined,
  generatedDeck(INLINE_DECK_LIMIT + 1),
);
const plan = catalog.get('intl');

const inlineDeck = {
  size: 2,
  file: null,
  entries: [
    { prefix: '+351', group: 'Portugal', ratePerMinute: '0.02' },
    { prefix: '+3519', group: 'Portugal mobile', ratePerMinute: '0.05' },
  ],
};
const version2027 = {
  effectiveFrom: '2027-01-01T00:00:00.000Z',
  ratePerMinute: '0.018',
  billingIncrement: { firstSeconds: 60, nextSeconds: 1 },
  connectFee: '0.00',
  destinations: { size: INLINE_DECK_LIMIT + 1, file: 'rates/intl-2027.csv' },
};
const versionJuly = { ...version2027, effectiveFrom: '2027-06-30T23:00:00.000Z', connectFee: '0.01' };

describe('describing plans for GET /v1/plans', () => {
  it('describes plans without rating settings exactly as before', () => {
    expect(
      PlanCatalog.fromConfiguration(DEFAULT_PLAN_CATALOG, 'postpaid').get('postpaid').describe(new Date()),
    ).toEqual({
      code: 'postpaid',
      type: 'postpaid',
      ratePerMinute: '0.02',
      currency: 'USD',
    });
  });

  it('shows the version in force and every later one, each whole', () => {
    expect(plan.describe(new Date('2026-10-15T12:00:00Z'))).toEqual({
      code: 'intl',
      type: 'postpaid',
      effectiveFrom: null,
      ratePerMinute: '0.02',
      billingIncrement: { firstSeconds: 60, nextSeconds: 1 },
      connectFee: '0.00',
      destinations: inlineDeck,
      currency: 'USD',
      versions: [version2027, versionJuly],
    });
  });

  it('drops versions that are over: from effectiveFrom on, a version is the current one', () => {
    expect(plan.describe(new Date('2027-01-01T00:00:00Z'))).toEqual({
      code: 'intl',
      type: 'postpaid',
      ...version2027,
      currency: 'USD',
      versions: [versionJuly],
    });
    expect(plan.describe(new Date('2027-08-01T00:00:00Z'))).toMatchObject({ ...versionJuly, versions: [] });
  });

  it('shows every version as configured when asked for no instant', () => {
    expect(plan.describe()).toMatchObject({ effectiveFrom: null, versions: [version2027, versionJuly] });
  });

  it(`lists a deck of up to ${INLINE_DECK_LIMIT} prefixes entry by entry, a larger one by size and file only`, () => {
    const small = PlanCatalog.fromConfiguration(
      { intl: { ...intl, versions: undefined, destinationsFile: 'small.csv', destinations: undefined } },
      'intl',
      undefined,
      generatedDeck(INLINE_DECK_LIMIT),
    );
    const described = small.get('intl').describe(new Date()) as unknown as {
      destinations: { entries: unknown[] };
    };
    expect(described.destinations).toMatchObject({ size: INLINE_DECK_LIMIT, file: 'small.csv' });
    expect(described.destinations.entries).toHaveLength(INLINE_DECK_LIMIT);
    expect(version2027.destinations).not.toHaveProperty('entries');
  });

  it('shows a deck without a default rate with ratePerMinute null', () => {
    const deckOnly = PlanCatalog.fromConfiguration(
      { intl: { type: 'prepaid', currency: 'USD', destinations: intl.destinations } },
      'intl',
    );
    expect(deckOnly.get('intl').describe(new Date())).toMatchObject({
      ratePerMinute: null,
      destinations: inlineDeck,
    });
  });

  it('shows a flat plan increment only when it is not 60/60', () => {
    const flat = {
      type: 'flat',
      monthlyFee: '20.00',
      includedMinutes: 100,
      overageRatePerMinute: '0.02',
      currency: 'USD',
    };
    const plans = PlanCatalog.fromConfiguration(
      { flat, 'flat-per-second': { ...flat, billingIncrement: { firstSeconds: 1, nextSeconds: 1 } } },
      'flat',
    );
    expect(plans.get('flat').describe()).not.toHaveProperty('billingIncrement');
    expect(plans.get('flat-per-second').describe()).toMatchObject({
      billingIncrement: { firstSeconds: 1, nextSeconds: 1 },
    });
  });
});
