import Decimal from 'decimal.js';
import fc from 'fast-check';
import {
  CHARGES_RULE,
  type InvoicingFacts,
  type OtherLedgers,
  RECEIVED_RULE,
  reconcileMonth,
  standingOf,
} from './month-reconciliation';
import { periodKey, type PeriodInvoice, type RecordedCallGroup } from './recorded-calls';
import { utcMonth } from './utc-month';

const ADA = '0b7c6f0e-6a44-4e8e-9d1b-2f5c8f4c1a11';
const BOB = '7d1b3c2e-9f4a-4b8c-a1d2-3e4f5a6b7c8d';
const NOVEMBER_INVOICE = '11111111-1111-4111-8111-111111111111';
const OCTOBER = utcMonth('2026-10');

function group(overrides: Partial<RecordedCallGroup>): RecordedCallGroup {
  return {
    customerId: ADA,
    period: '2026-10',
    late: false,
    lateInvoiceId: null,
    calls: 1,
    durationSeconds: 60,
    billedSeconds: 60,
    charges: '0.02',
    ...overrides,
  };
}

function invoiceOf(
  customerId: string,
  period: string,
  callCount: number,
  billedSeconds: number,
): PeriodInvoice {
  return {
    customerId,
    period,
    invoiceId: '44444444-4444-4444-8444-444444444444',
    periodStart: new Date('2026-10-01T00:00:00Z'),
    periodEnd: new Date('2026-11-01T00:00:00Z'),
    callCount,
    billedSeconds,
  };
}

/** Ada's October invoiced (billing 3 calls, 180 s, all stored on time); November claimed a late call. */
function facts(): InvoicingFacts {
  const invoice = invoiceOf(ADA, '2026-10', 3, 180);
  return {
    invoices: new Map([[periodKey(ADA, '2026-10'), invoice]]),
    storedOnTime: new Map([
      [periodKey(ADA, '2026-10'), { customerId: ADA, period: '2026-10', calls: 3, billedSeconds: 180 }],
    ]),
    lateClaimers: new Map([[NOVEMBER_INVOICE, ADA]]),
  };
}

/** Ada's October invoice billed 3 calls, but 4 are stored on time now: one reached it after it was issued. */
function factsWithACallStoredAfterTheInvoice(): InvoicingFacts {
  const f = facts();
  f.storedOnTime.set(periodKey(ADA, '2026-10'), {
    customerId: ADA,
    period: '2026-10',
    calls: 4,
    billedSeconds: 240,
  });
  return f;
}

const NOTHING_ELSE: OtherLedgers = {
  notBillable: { calls: 0, seconds: 0 },
  suspended: { calls: 0, seconds: 0, byReason: { 'unknown-phone-number': 0, 'no-rate': 0 } },
  writtenOff: { calls: 0, seconds: 0 },
};

describe('Where a group of recorded calls stands', () => {
  it('is invoiced when on time in a period whose invoice billed exactly the stored on-time calls', () => {
    expect(standingOf(group({ calls: 3, billedSeconds: 180 }), facts())).toBe('invoiced');
  });

  it('awaits an invoice when its customer period has none yet (another customer, or a later period)', () => {
    expect(standingOf(group({ customerId: BOB }), facts())).toBe('awaiting');
    expect(standingOf(group({ period: '2026-11' }), facts())).toBe('awaiting');
  });

  it('awaits the next invoice when late and not claimed yet, and is invoiced once a claim names an issued invoice', () => {
    expect(standingOf(group({ late: true }), facts())).toBe('awaiting');
    expect(standingOf(group({ late: true, lateInvoiceId: NOVEMBER_INVOICE }), facts())).toBe('invoiced');
  });

  it('is unaccounted when on time in an invoiced period whose invoice billed fewer calls than are stored', () => {
    const f = factsWithACallStoredAfterTheInvoice();
    expect(standingOf(group({}), f)).toBe('unaccounted');
  });

  it("is unaccounted when its records contradict the rules: late without an invoiced period, claimed by no issued invoice or by another customer's, or claimed while on time", () => {
    const f = facts();
    f.lateClaimers.set('22222222-2222-4222-8222-222222222222', BOB);
    expect(standingOf(group({ late: true, period: '2026-11' }), f)).toBe('unaccounted');
    expect(standingOf(group({ late: true, lateInvoiceId: '33333333-3333-4333-8333-333333333333' }), f)).toBe(
      'unaccounted',
    );
    expect(standingOf(group({ late: true, lateInvoiceId: '22222222-2222-4222-8222-222222222222' }), f)).toBe(
      'unaccounted',
    );
    expect(standingOf(group({ lateInvoiceId: NOVEMBER_INVOICE }), f)).toBe('unaccounted');
  });
});

describe("A month's reconciliation", () => {
  it("names its checks with the contract's words", () => {
    expect(RECEIVED_RULE).toBe('received = recorded + notBillable + suspended + writtenOff');
    expect(CHARGES_RULE).toBe('recorded charges = invoiced + awaitingInvoice');
  });

  it('accounts for every record: recorded, invoiced and awaiting, with exact charges at 6 decimals', () => {
    const result = reconcileMonth(
      OCTOBER,
      [
        group({ calls: 3, durationSeconds: 170, billedSeconds: 180, charges: '0.06' }),
        group({ late: true, calls: 1, durationSeconds: 420, billedSeconds: 420, charges: '0.14' }),
        group({
          customerId: BOB,
          period: '2026-11',
          calls: 2,
          durationSeconds: 61,
          billedSeconds: 61,
          charges: '0.020333',
        }),
      ],
      facts(),
      {
        notBillable: { calls: 2, seconds: 0 },
        suspended: { calls: 3, seconds: 300, byReason: { 'unknown-phone-number': 2, 'no-rate': 1 } },
        writtenOff: { calls: 1, seconds: 45 },
      },
    );
    expect(result).toEqual({
      month: '2026-10',
      received: { calls: 12, seconds: 170 + 420 + 61 + 0 + 300 + 45 },
      recorded: { calls: 6, billedSeconds: 661, charges: '0.220333' },
      notBillable: { calls: 2 },
      suspended: { calls: 3, byReason: { 'unknown-phone-number': 2, 'no-rate': 1 } },
      writtenOff: { calls: 1 },
      invoiced: { calls: 3, charges: '0.060000' },
      awaitingInvoice: { calls: 3, charges: '0.160333' },
      checks: [
        { rule: RECEIVED_RULE, holds: true },
        { rule: CHARGES_RULE, holds: true },
      ],
    });
  });

  it('says the charges identity does not hold when a recorded charge is on no invoice and awaits none', () => {
    const f = factsWithACallStoredAfterTheInvoice();
    const result = reconcileMonth(
      OCTOBER,
      [group({ calls: 4, billedSeconds: 240, charges: '0.08' })],
      f,
      NOTHING_ELSE,
    );
    expect(result.recorded.charges).toBe('0.080000');
    expect(result.invoiced.charges).toBe('0.000000');
    expect(result.awaitingInvoice.charges).toBe('0.000000');
    expect(result.checks[1]).toEqual({ rule: CHARGES_RULE, holds: false });
  });

  it('reports an empty month as all zeros, both identities holding', () => {
    const result = reconcileMonth(OCTOBER, [], facts(), NOTHING_ELSE);
    expect(result.recorded).toEqual({ calls: 0, billedSeconds: 0, charges: '0.000000' });
    expect(result.checks.every((check) => check.holds)).toBe(true);
  });

  const groups = fc.array(
    fc.record({
      customerId: fc.constantFrom(ADA, BOB),
      period: fc.constantFrom('2026-09', '2026-10', '2026-11'),
      late: fc.boolean(),
      lateInvoiceId: fc.option(fc.constantFrom(NOVEMBER_INVOICE, '33333333-3333-4333-8333-333333333333')),
      calls: fc.integer({ min: 1, max: 1000 }),
      durationSeconds: fc.integer({ min: 1, max: 100_000 }),
      billedSeconds: fc.integer({ min: 1, max: 100_000 }),
      charges: fc
        .integer({ min: 0, max: 10_000_000 })
        .map((micros) => new Decimal(micros).div(1_000_000).toFixed()),
    }),
    { maxLength: 12 },
  );

  it('splits recorded calls and charges exactly into invoiced + awaiting when every group is consistent, and only then', () => {
    fc.assert(
      fc.property(groups, (generated) => {
        const result = reconcileMonth(OCTOBER, generated, facts(), NOTHING_ELSE);
        const consistent = generated.every((g) => standingOf(g, facts()) !== 'unaccounted');
        const sum = new Decimal(result.invoiced.charges).plus(result.awaitingInvoice.charges);
        expect(new Decimal(result.recorded.charges).greaterThanOrEqualTo(sum)).toBe(true);
        expect(result.invoiced.calls + result.awaitingInvoice.calls <= result.recorded.calls).toBe(true);
        expect(result.checks[1].holds).toBe(consistent);
      }),
    );
  });

  it('counts each ledger once in what was received, whatever the figures', () => {
    const ledger = fc.record({ calls: fc.nat(10_000), seconds: fc.nat(1_000_000) });
    fc.assert(
      fc.property(groups, ledger, ledger, ledger, (generated, notBillable, suspended, writtenOff) => {
        const result = reconcileMonth(OCTOBER, generated, facts(), {
          notBillable,
          suspended: { ...suspended, byReason: { 'unknown-phone-number': suspended.calls, 'no-rate': 0 } },
          writtenOff,
        });
        expect(result.received.calls).toBe(
          result.recorded.calls + notBillable.calls + suspended.calls + writtenOff.calls,
        );
        const switchSeconds = generated.reduce((sum, g) => sum + g.durationSeconds, 0);
        expect(result.received.seconds).toBe(
          switchSeconds + notBillable.seconds + suspended.seconds + writtenOff.seconds,
        );
      }),
    );
  });
});
