import fc from 'fast-check';
import { PlanCatalog } from '../../billing-plans';
import { BillingPeriod } from '../../shared/domain/billing-period';
import { Money } from '../../shared/domain/money';
import { TimeZone } from '../../shared/domain/time-zone';
import type { BilledCallGroup } from './billed-calls';
import { assembleInvoice, invoiceNumber, type AssembledInvoice } from './invoice-assembly';

// The billing-plans index also exports its Nest module (and, through its controller, auth and the
// ORM); a unit test of the pure domain needs only the plans, so the Nest module is left out.
jest.mock('../../billing-plans/billing-plans.module', () => ({ BillingPlansModule: class {} }));

const catalog = PlanCatalog.fromConfiguration(
  {
    postpaid: { type: 'postpaid', ratePerMinute: '0.015', currency: 'USD' },
    prepaid: { type: 'prepaid', ratePerMinute: '0.02', currency: 'USD' },
    flat: {
      type: 'flat',
      monthlyFee: '20.00',
      includedMinutes: 100,
      overageRatePerMinute: '0.015',
      currency: 'USD',
    },
    unlimited: {
      type: 'flat',
      monthlyFee: '20.00',
      includedMinutes: null,
      overageRatePerMinute: '0.02',
      currency: 'USD',
    },
  },
  'postpaid',
);
const october = BillingPeriod.parse('2026-10', TimeZone.of('Europe/Lisbon'));
const usd = (amount: string) => Money.of(amount, 'USD');

/** One group as the store returns it: charge = minutes × unit price (exact). */
function group(
  period: string,
  unitPrice: string,
  minutes: number,
  callCount = 1,
  covered: string | null = null,
): BilledCallGroup {
  return {
    period,
    group: 'default',
    ratePerMinute: usd(unitPrice),
    minutes,
    billedSeconds: minutes * 60,
    callCount,
    charge: usd(unitPrice).times(minutes),
    covered: covered === null ? null : usd(covered),
  };
}

function assemble(plan: string, usage: BilledCallGroup[], late: BilledCallGroup[] = []): AssembledInvoice {
  return assembleInvoice({ customerId: 'c-1', period: october, plan: catalog.get(plan), usage, late });
}

/** The invoice as plain strings, so two invoices compare by value rather than by Decimal internals. */
function view({ invoice, uncoveredPrepaid }: AssembledInvoice) {
  return {
    plan: invoice.plan,
    period: invoice.period.code,
    callCount: invoice.callCount,
    minutes: invoice.minutes,
    lines: invoice.lines.map((line) => ({
      kind: line.kind,
      description: line.description,
      period: line.period,
      quantity: line.quantity,
      unitPrice: line.unitPrice?.toString() ?? null,
      amount: line.amount.toString(),
    })),
    total: invoice.total.toJSON(),
    uncoveredPrepaid: uncoveredPrepaid.toJSON(),
  };
}

const amounts = (assembled: AssembledInvoice) =>
  assembled.invoice.lines.map((line) => [line.kind, line.period, line.amount.toString()]);

describe('assembleInvoice', () => {
  it('drafts an upcoming invoice for the customer, period and plan', () => {
    const { invoice } = assemble('postpaid', [group('2026-10', '0.015', 3, 3)]);
    expect(invoice).toMatchObject({
      id: null,
      number: null,
      customerId: 'c-1',
      plan: 'postpaid',
      status: 'upcoming',
      issuedAt: null,
    });
    expect(invoice.period.equals(october)).toBe(true);
  });

  describe('postpaid', () => {
    it('rounds each usage line half-up: three 1-minute calls at 0.015 make 0.05', () => {
      const assembled = assemble('postpaid', [group('2026-10', '0.015', 3, 3)]);
      expect(view(assembled).lines).toEqual([
        {
          kind: 'usage',
          description: '3 minutes at 0.015 USD',
          period: '2026-10',
          quantity: 3,
          unitPrice: '0.015',
          amount: '0.05',
        },
      ]);
      expect(assembled.invoice.total.toJSON()).toEqual({ amount: '0.05', currency: 'USD' });
    });

    it('has one usage line per unit price, cheapest first', () => {
      const assembled = assemble('postpaid', [
        group('2026-10', '0.02', 412, 31),
        group('2026-10', '0.015', 10, 2),
      ]);
      expect(view(assembled).lines.map((line) => [line.unitPrice, line.quantity, line.amount])).toEqual([
        ['0.015', 10, '0.15'],
        ['0.02', 412, '8.24'],
      ]);
      expect(assembled.invoice.total.toString()).toBe('8.39');
    });

    it('totals the rounded lines, so lines always add up to the total', () => {
      // exact 0.045 + 0.005 = 0.05, but the lines read 0.05 and 0.01
      const assembled = assemble('postpaid', [group('2026-10', '0.015', 3, 3), group('2026-10', '0.005', 1)]);
      expect(amounts(assembled)).toEqual([
        ['usage', '2026-10', '0.01'],
        ['usage', '2026-10', '0.05'],
      ]);
      expect(assembled.invoice.total.toString()).toBe('0.06');
    });

    it('bills a period without calls at 0.00, with no lines', () => {
      const assembled = assemble('postpaid', []);
      expect(view(assembled)).toMatchObject({
        callCount: 0,
        minutes: 0,
        lines: [],
        total: { amount: '0.00', currency: 'USD' },
        uncoveredPrepaid: { amount: '0.00', currency: 'USD' },
      });
    });

    it('counts calls and minutes of its own period only', () => {
      const { invoice } = assemble(
        'postpaid',
        [group('2026-10', '0.015', 30, 4), group('2026-10', '0.02', 12, 2)],
        [group('2026-09', '0.015', 500, 9)],
      );
      expect([invoice.callCount, invoice.minutes]).toEqual([6, 42]);
    });
  });

  describe('late calls', () => {
    it('adds one late_usage line per original period and unit price, oldest first, naming the period', () => {
      const assembled = assemble(
        'postpaid',
        [group('2026-10', '0.015', 10, 1)],
        [group('2026-09', '0.02', 10, 2), group('2026-08', '0.02', 5, 1), group('2026-09', '0.015', 3, 3)],
      );
      expect(view(assembled).lines).toEqual([
        {
          kind: 'usage',
          description: '10 minutes at 0.015 USD',
          period: '2026-10',
          quantity: 10,
          unitPrice: '0.015',
          amount: '0.15',
        },
        {
          kind: 'late_usage',
          description: '5 minutes from 2026-08 at 0.02 USD, received after 2026-08 was invoiced',
          period: '2026-08',
          quantity: 5,
          unitPrice: '0.02',
          amount: '0.10',
        },
        {
          kind: 'late_usage',
          description: '3 minutes from 2026-09 at 0.015 USD, received after 2026-09 was invoiced',
          period: '2026-09',
          quantity: 3,
          unitPrice: '0.015',
          amount: '0.05',
        },
        {
          kind: 'late_usage',
          description: '10 minutes from 2026-09 at 0.02 USD, received after 2026-09 was invoiced',
          period: '2026-09',
          quantity: 10,
          unitPrice: '0.02',
          amount: '0.20',
        },
      ]);
      expect(assembled.invoice.total.toString()).toBe('0.50');
    });

    it('sorts original periods across years', () => {
      const assembled = assemble('postpaid', [], [group('2026-01', '0.02', 1), group('2025-12', '0.02', 1)]);
      expect(assembled.invoice.lines.map((line) => line.period)).toEqual(['2025-12', '2026-01']);
    });

    it('merges groups of the same period and unit price into one line', () => {
      const assembled = assemble(
        'postpaid',
        [],
        [group('2026-09', '0.015', 1), group('2026-09', '0.015', 2)],
      );
      expect(view(assembled).lines).toMatchObject([{ kind: 'late_usage', quantity: 3, amount: '0.05' }]);
    });

    it('bills late calls alone when the own period had none', () => {
      const assembled = assemble('postpaid', [], [group('2026-09', '0.02', 7, 2)]);
      expect(amounts(assembled)).toEqual([['late_usage', '2026-09', '0.14']]);
      expect(assembled.invoice.callCount).toBe(0);
    });
  });

  describe('flat', () => {
    it('bills the monthly fee and nothing else within the included minutes', () => {
      const assembled = assemble('flat', [group('2026-10', '0.00', 100, 12)]);
      expect(amounts(assembled)).toEqual([['fixed_fee', '2026-10', '20.00']]);
      expect(assembled.invoice.total.toString()).toBe('20.00');
      expect([assembled.invoice.callCount, assembled.invoice.minutes]).toEqual([12, 100]);
    });

    it('bills the fee even for a period without calls', () => {
      expect(assemble('flat', []).invoice.total.toString()).toBe('20.00');
      expect(assemble('unlimited', []).invoice.total.toString()).toBe('20.00');
    });

    it('adds overage beyond the included minutes, rounded as a line', () => {
      const assembled = assemble('flat', [group('2026-10', '0.00', 103, 5)]);
      expect(view(assembled).lines[1]).toMatchObject({ kind: 'overage', quantity: 3, amount: '0.05' });
      expect(assembled.invoice.total.toString()).toBe('20.05');
    });

    it('bills no overage on unlimited minutes', () => {
      const assembled = assemble('unlimited', [group('2026-10', '0.00', 50_000, 400)]);
      expect(amounts(assembled)).toEqual([['fixed_fee', '2026-10', '20.00']]);
    });

    it('adds neither fee nor overage for late calls: they show at 0.00', () => {
      const assembled = assemble(
        'flat',
        [group('2026-10', '0.00', 90, 3)],
        [group('2026-09', '0.00', 500, 20)],
      );
      expect(amounts(assembled)).toEqual([
        ['fixed_fee', '2026-10', '20.00'],
        ['late_usage', '2026-09', '0.00'],
      ]);
      expect(assembled.invoice.total.toString()).toBe('20.00');
      expect(assembled.invoice.minutes).toBe(90);
    });

    it('bills late calls from an earlier per-minute plan at their own price', () => {
      const assembled = assemble('flat', [], [group('2026-09', '0.02', 10, 1)]);
      expect(amounts(assembled)).toEqual([
        ['fixed_fee', '2026-10', '20.00'],
        ['late_usage', '2026-09', '0.20'],
      ]);
      expect(assembled.invoice.total.toString()).toBe('20.20');
    });
  });

  describe('prepaid', () => {
    it('subtracts what the balance covered, rounded, as a negative prepaid_applied line', () => {
      const assembled = assemble('prepaid', [group('2026-10', '0.02', 100, 10, '1.555')]);
      expect(view(assembled).lines).toEqual([
        {
          kind: 'usage',
          description: '100 minutes at 0.02 USD',
          period: '2026-10',
          quantity: 100,
          unitPrice: '0.02',
          amount: '2.00',
        },
        {
          kind: 'prepaid_applied',
          description: 'Paid from the prepaid balance',
          period: '2026-10',
          quantity: 1,
          unitPrice: null,
          amount: '-1.56',
        },
      ]);
      expect(assembled.invoice.total.toString()).toBe('0.44');
    });

    it('moves the exact uncovered charges onto the invoice', () => {
      const assembled = assemble('prepaid', [group('2026-10', '0.02', 100, 10, '1.555')]);
      expect(assembled.uncoveredPrepaid.toJSON()).toEqual({ amount: '0.445', currency: 'USD' });
    });

    it('rounds the exact covered total once, not each group', () => {
      const assembled = assemble('prepaid', [
        group('2026-10', '0.015', 1, 1, '0.005'),
        group('2026-10', '0.02', 1, 1, '0.005'),
      ]);
      expect(amounts(assembled)).toContainEqual(['prepaid_applied', '2026-10', '-0.01']);
    });

    it('owes nothing when the balance covered every call', () => {
      const assembled = assemble('prepaid', [group('2026-10', '0.02', 100, 10, '2.00')]);
      expect(assembled.invoice.total.toString()).toBe('0.00');
      expect(assembled.uncoveredPrepaid.isZero()).toBe(true);
    });

    it('has no prepaid_applied line when the balance covered nothing, and moves the whole charge', () => {
      const assembled = assemble('prepaid', [group('2026-10', '0.02', 100, 10, '0.00')]);
      expect(amounts(assembled)).toEqual([['usage', '2026-10', '2.00']]);
      expect(assembled.uncoveredPrepaid.toString()).toBe('2.00');
    });

    it('counts late prepaid calls in what was covered and what is moved', () => {
      const assembled = assemble(
        'prepaid',
        [group('2026-10', '0.02', 10, 1, '0.20')],
        [group('2026-09', '0.02', 10, 1, '0.05')],
      );
      expect(amounts(assembled)).toEqual([
        ['usage', '2026-10', '0.20'],
        ['late_usage', '2026-09', '0.20'],
        ['prepaid_applied', '2026-10', '-0.25'],
      ]);
      expect(assembled.invoice.total.toString()).toBe('0.15');
      expect(assembled.uncoveredPrepaid.toString()).toBe('0.15');
    });

    it('moves only charges of prepaid calls, not of late calls from a postpaid period', () => {
      const assembled = assemble(
        'prepaid',
        [group('2026-10', '0.02', 10, 1, '0.15')],
        [group('2026-09', '0.015', 20, 2, null)],
      );
      expect(assembled.uncoveredPrepaid.toString()).toBe('0.05');
      expect(assembled.invoice.total.toString()).toBe('0.35');
    });
  });

  describe('properties', () => {
    const earlierPeriods = ['2026-09', '2026-08', '2025-12'];
    const unitPrices = ['0.015', '0.02', '0.005', '0.0125'];
    type PlanType = 'postpaid' | 'prepaid' | 'flat';

    interface BilledCall {
      callId: string;
      period: string;
      unitPrice: string;
      minutes: number;
      covered: string | null;
    }

    /** A call as its period's plan rated it: flat at 0.00; prepaid with the part its balance covered. */
    const callRatedBy = (type: PlanType, period: string) =>
      fc
        .record({
          unitPrice: type === 'flat' ? fc.constant('0.00') : fc.constantFrom(...unitPrices),
          minutes: fc.integer({ min: 1, max: 1440 }),
          coveredMinutes: fc.integer({ min: 0, max: 1440 }),
          extra: fc.constantFrom('0', '0.001', '0.0005'),
        })
        .map(({ unitPrice, minutes, coveredMinutes, extra }): Omit<BilledCall, 'callId'> => {
          const charge = usd(unitPrice).times(minutes);
          const covered =
            type === 'prepaid'
              ? usd(unitPrice)
                  .times(Math.min(coveredMinutes, minutes))
                  .plus(usd(extra))
                  .min(charge)
                  .toString()
              : null;
          return { period, unitPrice, minutes, covered };
        });

    /**
     * Calls of the invoice's own period (rated by its plan) and late calls of earlier periods, each
     * period on some plan of its own (plans change only between periods).
     */
    const scenario = fc
      .tuple(
        fc.constantFrom('postpaid', 'prepaid', 'flat', 'unlimited'),
        fc.tuple(...earlierPeriods.map(() => fc.constantFrom<PlanType>('postpaid', 'prepaid', 'flat'))),
      )
      .chain(([plan, earlierTypes]) => {
        const typeOf = new Map<string, PlanType>([
          [october.code, catalog.get(plan).type as PlanType],
          ...earlierPeriods.map((period, index): [string, PlanType] => [period, earlierTypes[index]]),
        ]);
        const call = fc
          .constantFrom(...typeOf.keys())
          .chain((period) => callRatedBy(typeOf.get(period)!, period));
        return fc.tuple(
          fc.constant(plan),
          fc
            .array(call, { maxLength: 60 })
            .map((calls) => calls.map((c, index): BilledCall => ({ ...c, callId: `sw1-${index}` }))),
        );
      });

    /** What the SQL does: GROUP BY period, unit_price with sum(minutes), count(*), sum(charge), sum(covered). */
    function groupLikeTheStore(calls: readonly BilledCall[]): BilledCallGroup[] {
      const groups = new Map<string, BilledCallGroup>();
      for (const call of calls) {
        const key = `${call.period}|${call.unitPrice}`;
        const seen = groups.get(key) ?? group(call.period, call.unitPrice, 0, 0);
        const covered = call.covered === null ? null : usd(call.covered);
        groups.set(key, {
          ...seen,
          minutes: seen.minutes + call.minutes,
          callCount: seen.callCount + 1,
          charge: seen.charge.plus(usd(call.unitPrice).times(call.minutes)),
          // sum() skips NULLs, and is NULL when every value is
          covered: covered === null ? seen.covered : (seen.covered?.plus(covered) ?? covered),
        });
      }
      return [...groups.values()];
    }

    function invoiceFor(plan: string, calls: readonly BilledCall[]): AssembledInvoice {
      const groups = groupLikeTheStore(calls);
      return assemble(
        plan,
        groups.filter((g) => g.period === october.code),
        groups.filter((g) => g.period !== october.code),
      );
    }

    /** The store keeps the first call of each callId; a replay (same callId, same content) is not stored. */
    function deduplicated(calls: readonly BilledCall[]): BilledCall[] {
      const seen = new Set<string>();
      return calls.filter((call) => !seen.has(call.callId) && seen.add(call.callId));
    }

    const exactCharge = (call: BilledCall) => usd(call.unitPrice).times(call.minutes);

    it('totals the sum of the line amounts, each rounded to the cent', () => {
      fc.assert(
        fc.property(scenario, ([plan, calls]) => {
          const { invoice } = invoiceFor(plan, calls);
          const sum = Money.sum(
            invoice.lines.map((line) => line.amount),
            'USD',
          );
          expect(invoice.total.equals(sum)).toBe(true);
          for (const line of invoice.lines) expect(line.amount.amount.decimalPlaces()).toBeLessThanOrEqual(2);
          expect(invoice.total.amount.decimalPlaces()).toBeLessThanOrEqual(2);
        }),
        { numRuns: 200 },
      );
    });

    it('bills what the calls cost less what balances covered, within half a cent per line', () => {
      fc.assert(
        fc.property(scenario, ([plan, calls]) => {
          const { invoice } = invoiceFor(plan, calls);
          const exact = Money.sum(
            [
              ...invoice.lines
                .filter((line) => line.kind === 'fixed_fee' || line.kind === 'overage')
                .map((line) => line.amount),
              ...calls.map(exactCharge),
              ...calls.flatMap((call) => (call.covered === null ? [] : [usd(call.covered).negated()])),
            ],
            'USD',
          );
          const tolerance = usd('0.005').times(invoice.lines.length);
          expect(invoice.total.minus(exact).amount.abs().lessThanOrEqualTo(tolerance.amount)).toBe(true);
        }),
        { numRuns: 200 },
      );
    });

    it('moves exactly the charges that balances did not cover', () => {
      fc.assert(
        fc.property(scenario, ([plan, calls]) => {
          const expected = Money.sum(
            calls.flatMap((call) =>
              call.covered === null ? [] : [exactCharge(call).minus(usd(call.covered))],
            ),
            'USD',
          );
          expect(invoiceFor(plan, calls).uncoveredPrepaid.equals(expected)).toBe(true);
        }),
        { numRuns: 200 },
      );
    });

    it('gives the same invoice whatever the order of the calls', () => {
      fc.assert(
        fc.property(
          scenario.chain(([plan, calls]) =>
            fc.tuple(
              fc.constant(plan),
              fc.constant(calls),
              fc.shuffledSubarray(calls, { minLength: calls.length, maxLength: calls.length }),
            ),
          ),
          ([plan, calls, shuffled]) => {
            expect(view(invoiceFor(plan, shuffled))).toEqual(view(invoiceFor(plan, calls)));
          },
        ),
        { numRuns: 200 },
      );
    });

    it('gives the same invoice when the switch replays calls', () => {
      fc.assert(
        fc.property(
          scenario.chain(([plan, calls]) => {
            const replays =
              calls.length === 0
                ? fc.constant([])
                : fc
                    .array(fc.nat({ max: calls.length - 1 }), { minLength: 1, maxLength: 30 })
                    .map((indexes) => indexes.map((index) => ({ ...calls[index] })));
            // the replays arrive interleaved with the originals, some of them first
            return replays.chain((replayed) => {
              const received = [...calls, ...replayed];
              return fc.tuple(
                fc.constant(plan),
                fc.constant(calls),
                fc.shuffledSubarray(received, { minLength: received.length, maxLength: received.length }),
              );
            });
          }),
          ([plan, calls, received]) => {
            expect(view(invoiceFor(plan, deduplicated(received)))).toEqual(view(invoiceFor(plan, calls)));
          },
        ),
        { numRuns: 200 },
      );
    });
  });
});

describe('invoiceNumber', () => {
  it('joins the prefix, the year of issue and a 6-digit sequence', () => {
    expect(invoiceNumber('INV', new Date('2026-11-01T00:30:00Z'), 42)).toBe('INV-2026-000042');
    expect(invoiceNumber('INV', new Date('2026-11-01T00:30:00Z'), 1)).toBe('INV-2026-000001');
    expect(invoiceNumber('INV', new Date('2026-11-01T00:30:00Z'), 999_999)).toBe('INV-2026-999999');
  });

  it('lets the sequence grow past 6 digits unpadded', () => {
    expect(invoiceNumber('INV', new Date('2031-03-01T00:00:00Z'), 1_234_567)).toBe('INV-2031-1234567');
  });

  it('takes the year of issue in UTC', () => {
    expect(invoiceNumber('INV', new Date('2026-12-31T23:30:00-05:00'), 7)).toBe('INV-2027-000007');
    expect(invoiceNumber('INV', new Date('2027-01-01T00:30:00+01:00'), 7)).toBe('INV-2026-000007');
  });

  it('uses the configured prefix', () => {
    expect(invoiceNumber('PB', new Date('2026-11-01T00:30:00Z'), 42)).toBe('PB-2026-000042');
  });
});
