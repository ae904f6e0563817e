import { BillingPeriod } from '../../shared/domain/billing-period';
import { TimeZone } from '../../shared/domain/time-zone';
import { localDateTime, periodLabel } from './invoice-period-label';

describe('periodLabel', () => {
  it("names the period's first and last calendar day in the customer's zone", () => {
    expect(periodLabel(BillingPeriod.parse('2026-10', TimeZone.of('Europe/Lisbon')))).toEqual({
      name: 'October 2026',
      firstDay: '2026-10-01',
      lastDay: '2026-10-31',
      zone: 'Europe/Lisbon',
    });
    expect(periodLabel(BillingPeriod.parse('2028-02', TimeZone.of('Pacific/Kiritimati')))).toMatchObject({
      name: 'February 2028',
      lastDay: '2028-02-29',
    });
  });

  it('names the days of periods whose clock changes at midnight', () => {
    expect(periodLabel(BillingPeriod.parse('2023-10', TimeZone.of('America/Asuncion')))).toMatchObject({
      name: 'October 2023',
      firstDay: '2023-10-01',
      lastDay: '2023-10-31',
    });
    expect(periodLabel(BillingPeriod.parse('2009-10', TimeZone.of('America/St_Johns')))).toMatchObject({
      firstDay: '2009-10-01',
      lastDay: '2009-10-31',
    });
  });

  it("shows an instant on the customer's wall clock", () => {
    expect(localDateTime(new Date('2026-10-31T23:30:00Z'), 'Europe/Lisbon')).toBe(
      '2026-10-31 23:30 (Europe/Lisbon)',
    );
    expect(localDateTime(new Date('2026-10-31T23:30:00Z'), 'Asia/Tokyo')).toBe(
      '2026-11-01 08:30 (Asia/Tokyo)',
    );
  });
});
