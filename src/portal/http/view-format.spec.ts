import fc from 'fast-check';
import { BillingPeriod } from '../../shared/domain/billing-period';
import { TimeZone } from '../../shared/domain/time-zone';
import { dateTime, localIso, longDate, minutes, money, periodDays, periodName } from './view-format';

describe('how the portal writes amounts and times', () => {
  it.each([
    ['8.24', 'USD', '$8.24'],
    ['0.045', 'USD', '$0.045'],
    ['0.000001', 'USD', '$0.000001'],
    ['-0.10', 'EUR', '-€0.10'],
    ['12345678901234567.89', 'USD', '$12,345,678,901,234,567.89'],
    ['0', 'GBP', '£0.00'],
    ['5.00', 'CAD', 'CA$5.00'],
  ])('writes %s %s as %s, digit for digit', (amount, currency, expected) => {
    expect(money({ amount, currency })).toBe(expected);
  });

  it('never loses a digit of an exact amount (no float in between)', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 18n }), fc.integer({ min: 2, max: 6 }), (units, scale) => {
        const digits = units.toString().padStart(scale + 1, '0');
        const amount = `${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
        const written = money({ amount, currency: 'USD' }).replace(/[$,]/g, '');
        expect(written.replace(/0+$/, '').replace(/\.$/, '')).toBe(
          amount.replace(/0+$/, '').replace(/\.$/, ''),
        );
      }),
    );
  });

  it("shows instants on the customer's wall clock", () => {
    const instant = new Date('2026-10-05T14:03:00Z');
    expect(dateTime(instant, 'Europe/Lisbon')).toBe('5 Oct 2026, 15:03');
    expect(dateTime(instant, 'Asia/Tokyo')).toBe('5 Oct 2026, 23:03');
    expect(longDate(new Date('2026-10-31T23:30:00Z'), 'Europe/Lisbon')).toBe('31 October 2026');
    expect(longDate(new Date('2026-10-31T23:30:00Z'), 'Europe/Berlin')).toBe('1 November 2026');
  });

  it('writes an instant with the offset in force in the zone', () => {
    expect(localIso(new Date('2026-10-05T14:03:07Z'), 'Europe/Lisbon')).toBe('2026-10-05T15:03:07+01:00');
    expect(localIso(new Date('2026-12-05T14:03:07Z'), 'Europe/Lisbon')).toBe('2026-12-05T14:03:07+00:00');
    expect(localIso(new Date('2026-12-05T14:03:07Z'), 'America/St_Johns')).toBe('2026-12-05T10:33:07-03:30');
    expect(localIso(new Date('2026-12-05T00:00:00Z'), 'UTC')).toBe('2026-12-05T00:00:00+00:00');
  });

  it('names periods by their calendar days in the zone', () => {
    const october = BillingPeriod.parse('2026-10', TimeZone.of('Europe/Lisbon'));
    expect(periodName(october)).toBe('October 2026');
    expect(periodDays(october)).toBe('1 – 31 October 2026');
    expect(periodDays(BillingPeriod.parse('2028-02', TimeZone.UTC))).toBe('1 – 29 February 2028');
  });

  it('writes durations in minutes and hours', () => {
    expect(minutes(3)).toBe('3 min');
    expect(minutes(60)).toBe('1 h 00 min');
    expect(minutes(125)).toBe('2 h 05 min');
  });
});
