import { invoiceDates } from './invoice-dates';

describe('invoiceDates', () => {
  it("dates the invoice on the customer's calendar and adds the payment terms in days", () => {
    expect(invoiceDates(new Date('2026-11-01T00:05:00Z'), 'Europe/Lisbon', 14)).toEqual({
      invoiceDate: '2026-11-01',
      dueDate: '2026-11-15',
    });
    // Still 31 October in New York when it is 1 November in UTC.
    expect(invoiceDates(new Date('2026-11-01T00:05:00Z'), 'America/New_York', 14)).toEqual({
      invoiceDate: '2026-10-31',
      dueDate: '2026-11-14',
    });
  });

  it('is due the same day with no payment terms, and crosses months and years', () => {
    expect(invoiceDates(new Date('2026-12-01T09:00:00Z'), 'UTC', 0).dueDate).toBe('2026-12-01');
    expect(invoiceDates(new Date('2026-12-20T09:00:00Z'), 'UTC', 14).dueDate).toBe('2027-01-03');
    expect(invoiceDates(new Date('2028-02-20T09:00:00Z'), 'UTC', 9).dueDate).toBe('2028-02-29');
  });

  it('counts calendar days across a clock change, not 24-hour spans', () => {
    // Lisbon leaves summer time on 2026-10-25: still 14 days later on the calendar.
    expect(invoiceDates(new Date('2026-10-20T23:30:00Z'), 'Europe/Lisbon', 14)).toEqual({
      invoiceDate: '2026-10-21',
      dueDate: '2026-11-04',
    });
  });

  it('refuses payment terms that are not a whole number of days', () => {
    expect(() => invoiceDates(new Date(), 'UTC', -1)).toThrow(RangeError);
    expect(() => invoiceDates(new Date(), 'UTC', 1.5)).toThrow(RangeError);
  });
});
