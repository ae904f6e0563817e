import fc from 'fast-check';
import { BillingPeriod } from '../../shared/domain/billing-period';
import { TimeZone } from '../../shared/domain/time-zone';
import { firstInvoiceAt, nextInvoiceAt, periodChoices } from './invoice-schedule';

const LISBON = TimeZone.of('Europe/Lisbon');
const TOKYO = TimeZone.of('Asia/Tokyo');
const at = (iso: string) => new Date(iso);

describe('when the portal says the next invoice comes', () => {
  it("is the end of the open period, in the customer's zone", () => {
    const next = nextInvoiceAt(at('2026-10-15T12:00:00Z'), LISBON);
    expect(next.period.code).toBe('2026-10');
    expect(next.arrivesAt).toEqual(at('2026-11-01T00:00:00Z'));
    // 31 October 16:00 UTC is already 1 November in Tokyo: November is open there.
    expect(nextInvoiceAt(at('2026-10-31T16:00:00Z'), TOKYO).arrivesAt).toEqual(at('2026-11-30T15:00:00Z'));
  });

  it("is the open period's for a customer created during it", () => {
    const first = firstInvoiceAt(at('2026-10-15T12:00:00Z'), LISBON, at('2026-10-02T09:00:00Z'));
    expect(first).toEqual({
      period: BillingPeriod.parse('2026-10', LISBON),
      arrivesAt: at('2026-11-01T00:00:00Z'),
    });
  });

  it("is the closed period's, on its way, for a customer created before the open period began", () => {
    const first = firstInvoiceAt(at('2026-11-01T00:20:00Z'), LISBON, at('2026-10-20T09:00:00Z'));
    expect(first).toEqual({ period: BillingPeriod.parse('2026-10', LISBON), arrivesAt: null });
  });

  it('always names a period that has not been billed yet and a date after now', () => {
    fc.assert(
      fc.property(
        fc.date({ min: at('2000-01-01T00:00:00Z'), max: at('2037-01-01T00:00:00Z'), noInvalidDate: true }),
        fc.integer({ min: 0, max: 400 * 86_400_000 }),
        fc.constantFrom(LISBON, TOKYO, TimeZone.UTC, TimeZone.of('America/St_Johns')),
        (now, age, zone) => {
          const first = firstInvoiceAt(now, zone, new Date(now.getTime() - age));
          if (first.arrivesAt) expect(first.arrivesAt.getTime()).toBeGreaterThan(now.getTime());
          else expect(first.period.isClosedAt(now)).toBe(true);
          expect(first.period.next().contains(now) || first.period.contains(now)).toBe(true);
        },
      ),
    );
  });
});

describe('the periods the calls page offers', () => {
  const now = at('2026-10-15T12:00:00Z');

  it('go from the open period back a year at least, newest first', () => {
    const codes = periodChoices(now, LISBON, at('2026-10-02T00:00:00Z')).map((period) => period.code);
    expect(codes).toHaveLength(12);
    expect(codes[0]).toBe('2026-10');
    expect(codes[11]).toBe('2025-11');
  });

  it("reach back to the customer's first period, within two years", () => {
    const codes = periodChoices(now, LISBON, at('2025-03-10T00:00:00Z')).map((period) => period.code);
    expect(codes.at(-1)).toBe('2025-03');
    expect(periodChoices(now, LISBON, at('2010-01-01T00:00:00Z'))).toHaveLength(24);
  });

  it('stop at 1970-01, the first period', () => {
    const codes = periodChoices(at('1970-03-10T00:00:00Z'), TimeZone.UTC, at('1970-03-01T00:00:00Z')).map(
      (period) => period.code,
    );
    expect(codes).toEqual(['1970-03', '1970-02', '1970-01']);
  });
});
