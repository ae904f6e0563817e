import fc from 'fast-check';
import { BillingPeriod } from './billing-period';
import { InvalidPeriodError } from './shared.errors';
import { TimeZone } from './time-zone';

const lisbon = TimeZone.of('Europe/Lisbon');
const utc = TimeZone.of('UTC');
const at = (iso: string) => new Date(iso);
const shifted = (iso: string, ms: number) => new Date(new Date(iso).getTime() + ms);
const bounds = (period: BillingPeriod) => [period.start.toISOString(), period.end.toISOString()];

describe('BillingPeriod', () => {
  describe('bounds in the customer time zone', () => {
    it('spans a Lisbon October that ends after the switch back to winter time', () => {
      // WEST (UTC+1) until 25 October 2026, then WET (UTC+0): the month lasts 745 hours.
      expect(bounds(BillingPeriod.parse('2026-10', lisbon))).toEqual([
        '2026-09-30T23:00:00.000Z',
        '2026-11-01T00:00:00.000Z',
      ]);
    });

    it('spans a Lisbon March that ends after the switch to summer time', () => {
      // WET until 29 March 2026, then WEST: the month lasts 743 hours.
      expect(bounds(BillingPeriod.parse('2026-03', lisbon))).toEqual([
        '2026-03-01T00:00:00.000Z',
        '2026-03-31T23:00:00.000Z',
      ]);
    });

    it('starts the day before in UTC for a zone fourteen hours ahead', () => {
      const period = BillingPeriod.parse('2026-10', TimeZone.of('Pacific/Kiritimati'));
      expect(bounds(period)).toEqual(['2026-09-30T10:00:00.000Z', '2026-10-31T10:00:00.000Z']);
    });

    it('starts at eleven in the morning UTC for a zone eleven hours behind', () => {
      const period = BillingPeriod.parse('2026-10', TimeZone.of('Pacific/Pago_Pago'));
      expect(bounds(period)).toEqual(['2026-10-01T11:00:00.000Z', '2026-11-01T11:00:00.000Z']);
    });

    it('includes the 29th of a leap February', () => {
      const period = BillingPeriod.parse('2028-02', utc);
      expect(bounds(period)).toEqual(['2028-02-01T00:00:00.000Z', '2028-03-01T00:00:00.000Z']);
      expect(period.contains(at('2028-02-29T12:00:00Z'))).toBe(true);
    });

    it('ends on the 28th in a common year', () => {
      const period = BillingPeriod.parse('2026-02', utc);
      expect(period.end.toISOString()).toBe('2026-03-01T00:00:00.000Z');
      expect(period.contains(at('2026-02-28T23:59:59.999Z'))).toBe(true);
      expect(BillingPeriod.containing(at('2026-03-01T00:00:00Z'), utc).code).toBe('2026-03');
    });

    it('runs over the turn of the year', () => {
      const december = BillingPeriod.parse('2026-12', lisbon);
      expect(bounds(december)).toEqual(['2026-12-01T00:00:00.000Z', '2027-01-01T00:00:00.000Z']);
      expect(december.next().code).toBe('2027-01');
      expect(december.next().previous().equals(december)).toBe(true);
    });

    it('hands out copies of its bounds', () => {
      const period = BillingPeriod.parse('2026-10', lisbon);
      period.start.setUTCFullYear(2000);
      period.end.setUTCFullYear(2000);
      expect(bounds(period)).toEqual(['2026-09-30T23:00:00.000Z', '2026-11-01T00:00:00.000Z']);
    });
  });

  describe('which period an instant is in', () => {
    it('puts the first millisecond of the month in it and the one before in the previous month', () => {
      const start = '2026-09-30T23:00:00.000Z';
      expect(BillingPeriod.containing(at(start), lisbon).code).toBe('2026-10');
      expect(BillingPeriod.containing(shifted(start, -1), lisbon).code).toBe('2026-09');
      expect(BillingPeriod.containing(shifted(start, 1), lisbon).code).toBe('2026-10');
    });

    it('puts the end instant in the next month', () => {
      const end = '2026-11-01T00:00:00.000Z';
      expect(BillingPeriod.containing(shifted(end, -1), lisbon).code).toBe('2026-10');
      expect(BillingPeriod.containing(at(end), lisbon).code).toBe('2026-11');
      expect(BillingPeriod.containing(shifted(end, 1), lisbon).code).toBe('2026-11');
    });

    it('reads the calendar of the zone, not of UTC', () => {
      const instant = at('2026-09-30T23:30:00Z');
      expect(BillingPeriod.containing(instant, utc).code).toBe('2026-09');
      expect(BillingPeriod.containing(instant, lisbon).code).toBe('2026-10');
      expect(
        BillingPeriod.containing(at('2026-10-01T10:00:00Z'), TimeZone.of('Pacific/Pago_Pago')).code,
      ).toBe('2026-09');
    });

    it('contains its start but not its end', () => {
      const period = BillingPeriod.parse('2026-10', lisbon);
      expect(period.contains(period.start)).toBe(true);
      expect(period.contains(shifted('2026-11-01T00:00:00.000Z', -1))).toBe(true);
      expect(period.contains(period.end)).toBe(false);
      expect(period.contains(shifted('2026-09-30T23:00:00.000Z', -1))).toBe(false);
    });

    it('keeps the zone it was asked about', () => {
      expect(BillingPeriod.containing(at('2026-10-15T00:00:00Z'), lisbon).zone.equals(lisbon)).toBe(true);
    });

    it('always contains the instant it was built from', () => {
      const zones = [
        'Europe/Lisbon',
        'Pacific/Kiritimati',
        'Pacific/Pago_Pago',
        'America/Santiago',
        'Asia/Kathmandu',
      ];
      fc.assert(
        fc.property(
          fc.date({ min: at('2000-02-01T00:00:00Z'), max: at('2099-12-01T00:00:00Z'), noInvalidDate: true }),
          fc.constantFrom(...zones),
          (instant, name) => {
            const period = BillingPeriod.containing(instant, TimeZone.of(name));
            expect(period.contains(instant)).toBe(true);
            expect(period.next().start.getTime()).toBe(period.end.getTime());
            expect(BillingPeriod.parse(period.code, period.zone).equals(period)).toBe(true);
          },
        ),
      );
    });
  });

  describe('closing', () => {
    const october = BillingPeriod.parse('2026-10', lisbon);

    it('is closed exactly when its end is reached', () => {
      expect(october.isClosedAt(at('2026-11-01T00:00:00.000Z'))).toBe(true);
      expect(october.isClosedAt(at('2026-10-31T23:59:59.999Z'))).toBe(false);
    });

    it('finds the last closed period as the one before the current month', () => {
      expect(BillingPeriod.lastClosedAt(at('2026-11-01T00:00:00.000Z'), lisbon).code).toBe('2026-10');
      expect(BillingPeriod.lastClosedAt(at('2026-10-31T23:59:59.999Z'), lisbon).code).toBe('2026-09');
      expect(BillingPeriod.lastClosedAt(at('2027-01-01T00:00:00.000Z'), utc).code).toBe('2026-12');
      expect(
        BillingPeriod.lastClosedAt(at('2026-11-01T00:00:00.000Z'), lisbon).isClosedAt(
          at('2026-11-01T00:00:00.000Z'),
        ),
      ).toBe(true);
    });

    it('closes at different instants in different zones', () => {
      const now = at('2026-10-31T12:00:00Z');
      expect(BillingPeriod.lastClosedAt(now, TimeZone.of('Pacific/Kiritimati')).code).toBe('2026-10');
      expect(BillingPeriod.lastClosedAt(now, lisbon).code).toBe('2026-09');
    });
  });

  describe('codes', () => {
    it('writes and reads YYYY-MM', () => {
      const period = BillingPeriod.parse('2026-01', lisbon);
      expect(period.code).toBe('2026-01');
      expect(period.toString()).toBe('2026-01');
      expect(JSON.stringify({ period })).toBe('{"period":"2026-01"}');
      expect(period.previous().code).toBe('2025-12');
    });

    it.each([
      '2026-13',
      '2026-1',
      '26-10',
      '2026-00',
      '2026-10-01',
      '1999-12',
      ' 2026-10',
      '2026/10',
      '',
      '202610',
    ])('rejects the period %j', (code) => {
      expect(() => BillingPeriod.parse(code, lisbon)).toThrow(InvalidPeriodError);
    });

    it('reports the period field with a stable code', () => {
      expect(() => BillingPeriod.parse('2026-13', lisbon)).toThrow(
        expect.objectContaining({ code: 'invalid_period', category: 'validation', field: 'period' }),
      );
    });

    it('orders by calendar month', () => {
      const sorted = ['2027-01', '2026-10', '2026-02', '2026-12']
        .map((code) => BillingPeriod.parse(code, utc))
        .sort((a, b) => a.compareTo(b));
      expect(sorted.map(String)).toEqual(['2026-02', '2026-10', '2026-12', '2027-01']);
      expect(BillingPeriod.parse('2026-10', utc).compareTo(BillingPeriod.parse('2026-10', lisbon))).toBe(0);
    });

    it('is equal only in the same month and zone', () => {
      expect(BillingPeriod.parse('2026-10', lisbon).equals(BillingPeriod.parse('2026-10', lisbon))).toBe(
        true,
      );
      expect(BillingPeriod.parse('2026-10', lisbon).equals(BillingPeriod.parse('2026-10', utc))).toBe(false);
      expect(BillingPeriod.parse('2026-10', lisbon).equals(BillingPeriod.parse('2026-11', lisbon))).toBe(
        false,
      );
    });
  });
});
