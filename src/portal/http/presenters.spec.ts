import { PlanCatalog } from '../../billing-plans';
import type { Invoice } from '../../invoicing';
import { BillingPeriod } from '../../shared/domain/billing-period';
import { Money } from '../../shared/domain/money';
import { TimeZone } from '../../shared/domain/time-zone';
import { expectationText, lineRow, planSummary } from './presenters';

const LISBON = TimeZone.of('Europe/Lisbon');
const catalog = PlanCatalog.fromConfiguration(
  {
    postpaid: { type: 'postpaid', ratePerMinute: '0.02', currency: 'USD' },
    prepaid: { type: 'prepaid', ratePerMinute: '0.015', currency: 'EUR' },
    flat: {
      type: 'flat',
      monthlyFee: '20.00',
      includedMinutes: null,
      overageRatePerMinute: '0.02',
      currency: 'USD',
    },
    'flat-500': {
      type: 'flat',
      monthlyFee: '9.90',
      includedMinutes: 500,
      overageRatePerMinute: '0.03',
      currency: 'USD',
    },
  },
  'postpaid',
);

describe('what the portal says about a plan', () => {
  it.each([
    ['postpaid', '$0.02 a minute'],
    ['prepaid', '€0.015 a minute, paid from your prepaid balance'],
    ['flat', '$20.00 a month, unlimited minutes'],
    ['flat-500', '$9.90 a month, 500 minutes included, then $0.03 a minute'],
  ])('%s reads "%s"', (code, summary) => {
    expect(planSummary(catalog.get(code))).toBe(summary);
  });
});

describe('an invoice line on a page', () => {
  const october = BillingPeriod.parse('2026-10', LISBON);
  const invoice = { period: october } as Invoice;

  it('names the period of late calls, and only of those', () => {
    const usage = {
      kind: 'usage' as const,
      description: '12 minutes at 0.02 USD',
      period: '2026-10',
      quantity: 12,
      unitPrice: Money.of('0.02', 'USD'),
      amount: Money.of('0.24', 'USD'),
    };
    expect(lineRow(usage, invoice)).toEqual({
      description: '12 minutes at 0.02 USD',
      period: null,
      quantity: '12',
      unitPrice: '$0.02',
      amount: '$0.24',
    });
    expect(lineRow({ ...usage, kind: 'late_usage', period: '2026-09' }, invoice).period).toBe(
      'September 2026',
    );
  });

  it('leaves the unit price blank for a line without one', () => {
    const applied = {
      kind: 'prepaid_applied' as const,
      description: 'Paid from the prepaid balance',
      period: '2026-10',
      quantity: 1,
      unitPrice: null,
      amount: Money.of('-0.24', 'USD'),
    };
    expect(lineRow(applied, invoice)).toMatchObject({ unitPrice: '', amount: '-$0.24' });
  });
});

describe('when the next invoice comes, in words', () => {
  const october = BillingPeriod.parse('2026-10', LISBON);

  it("gives the date in the customer's zone", () => {
    expect(expectationText({ period: october, arrivesAt: october.end }, true)).toBe(
      'Your first invoice, for October 2026, arrives on 1 November 2026.',
    );
    expect(expectationText({ period: october, arrivesAt: october.end }, false)).toBe(
      'Your next invoice, for October 2026, arrives on 1 November 2026.',
    );
  });

  it('says an invoice of a closed period is on its way', () => {
    expect(expectationText({ period: october, arrivesAt: null }, true)).toBe(
      'Your first invoice, for October 2026, is on its way.',
    );
  });
});
