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

  describe('clock changes at midnight (API.md: the first instant whose local date is the 1st)', () => {
    const managua = TimeZone.of('America/Managua');
    const asuncion = TimeZone.of('America/Asuncion');
    const stJohns = TimeZone.of('America/St_Johns');

    it('starts at the earlier midnight where local midnight happens twice (Managua, October 2006)', () => {
      // CDT (UTC-5) ended at 01:00 local on 1 October: 00:00-00:59 happened twice.
      const october = BillingPeriod.parse('2006-10', managua);
      expect(october.start.toISOString()).toBe('2006-10-01T05:00:00.000Z');
      expect(october.previous().end.toISOString()).toBe('2006-10-01T05:00:00.000Z');
      expect(BillingPeriod.containing(at('2006-10-01T05:30:00Z'), managua).code).toBe('2006-10');
      expect(BillingPeriod.containing(at('2006-10-01T04:59:59.999Z'), managua).code).toBe('2006-09');
    });

    it('starts when the clock jumps where local midnight is skipped (Asuncion, October 2023)', () => {
      // PYT (UTC-4) jumped from 00:00 to 01:00 on 1 October; PYST (UTC-3) was in force on 1 November.
      expect(bounds(BillingPeriod.parse('2023-10', asuncion))).toEqual([
        '2023-10-01T04:00:00.000Z',
        '2023-11-01T03:00:00.000Z',
      ]);
      expect(BillingPeriod.parse('2023-11', asuncion).start.toISOString()).toBe('2023-11-01T03:00:00.000Z');
    });

    it('puts the call at local 00:30 on 1 November in November only, whatever was computed before', () => {
      const boundaryCall = at('2023-11-01T03:30:00Z');
      const october = BillingPeriod.parse('2023-10', asuncion);
      BillingPeriod.containing(at('2023-10-15T12:00:00Z'), asuncion);
      expect(october.contains(boundaryCall)).toBe(false);
      expect(BillingPeriod.containing(boundaryCall, asuncion).code).toBe('2023-11');
      expect(BillingPeriod.parse('2023-11', asuncion).contains(boundaryCall)).toBe(true);
    });

    it("keeps an instant in the new month when the clock is set back over midnight (St. John's, November 2009)", () => {
      // At 00:01 NDT (UTC-2:30) on 1 November the clock went back to 23:01 NST (UTC-3:30) on 31 October:
      // November had started, so the half hour that reads "31 October" again is November's.
      const november = BillingPeriod.parse('2009-11', stJohns);
      expect(november.start.toISOString()).toBe('2009-11-01T02:30:00.000Z');
      expect(BillingPeriod.containing(at('2009-11-01T03:00:00Z'), stJohns).code).toBe('2009-11');
      expect(BillingPeriod.containing(at('2009-11-01T02:29:59.999Z'), stJohns).code).toBe('2009-10');
    });

    it('agrees with its bounds in zones whose clocks change at midnight', () => {
      const zones = [managua, asuncion, stJohns, TimeZone.of('America/Havana'), TimeZone.of('Africa/Cairo')];
      fc.assert(
        fc.property(
          fc.date({ min: at('1970-02-01T00:00:00Z'), max: at('2037-12-01T00:00:00Z'), noInvalidDate: true }),
          fc.constantFrom(...zones),
          (instant, zone) => {
            const period = BillingPeriod.containing(instant, zone);
            expect(period.contains(instant)).toBe(true);
            expect(period.next().start.getTime()).toBe(period.end.getTime());
          },
        ),
        { numRuns: 500 },
      );
    });

    it('answers the same whatever was asked before it, and in any order', () => {
      // Instants within two hours of period starts where clocks change at midnight: where an answer
      // remembered from an earlier question (a period with wrong bounds) would show.
      const starts: [string, string][] = [
        ['America/Asuncion', '2023-10-01T04:00:00Z'],
        ['America/Asuncion', '2023-11-01T03:00:00Z'],
        ['America/Asuncion', '2023-10-15T12:00:00Z'],
        ['America/Managua', '2006-10-01T05:00:00Z'],
        ['America/St_Johns', '2009-11-01T02:30:00Z'],
        ['Europe/Lisbon', '2026-11-01T00:00:00Z'],
      ];
      const question = fc
        .record({ start: fc.constantFrom(...starts), shift: fc.integer({ min: -7_200_000, max: 7_200_000 }) })
        .map(({ start: [name, iso], shift }) => ({ name, instant: Date.parse(iso) + shift }));
      const ask = ({ name, instant }: { name: string; instant: number }) =>
        BillingPeriod.containing(new Date(instant), TimeZone.of(name)).code;
      fc.assert(
        fc.property(fc.array(question, { minLength: 1, maxLength: 40 }), (list) => {
          const forwards = list.map(ask);
          expect([...list].reverse().map(ask).reverse()).toEqual(forwards);
          jest.isolateModules(() => {
            // A fresh module: nothing computed before.
            const fresh = jest.requireActual<typeof import('./billing-period')>('./billing-period');
            const freshly = list.map(
              ({ name, instant }) =>
                fresh.BillingPeriod.containing(new Date(instant), TimeZone.of(name)).code,
            );
            expect(freshly).toEqual(forwards);
          });
        }),
        { numRuns: 50 },
      );
    });
  });

  describe('from 1970', () => {
    it('accepts every period from 1970-01 on', () => {
      expect(bounds(BillingPeriod.parse('1970-01', utc))).toEqual([
        '1970-01-01T00:00:00.000Z',
        '1970-02-01T00:00:00.000Z',
      ]);
      expect(BillingPeriod.parse('1999-12', lisbon).code).toBe('1999-12');
      expect(BillingPeriod.first(utc).code).toBe('1970-01');
    });

    it('bills a call at noon UTC on 31 December 1999 in 1999-12', () => {
      expect(BillingPeriod.containing(at('1999-12-31T12:00:00Z'), utc).code).toBe('1999-12');
      expect(BillingPeriod.parse('1999-12', utc).contains(at('1999-12-31T12:00:00Z'))).toBe(true);
    });

    it('has nothing before 1970-01, in any zone', () => {
      const newYork = TimeZone.of('America/New_York');
      expect(BillingPeriod.first(newYork).start.toISOString()).toBe('1970-01-01T05:00:00.000Z');
      expect(() => BillingPeriod.first(newYork).previous()).toThrow(RangeError);
      // 1970-01-01T02:00Z is still 31 December 1969 in New York.
      expect(() => BillingPeriod.containing(at('1970-01-01T02:00:00Z'), newYork)).toThrow(RangeError);
      expect(BillingPeriod.containing(at('1970-01-01T05:00:00Z'), newYork).code).toBe('1970-01');
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
      '1969-12',
      '1900-01',
      '0000-01',
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
