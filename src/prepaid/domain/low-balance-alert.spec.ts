import fc from 'fast-check';
import { Money } from '../../shared/domain/money';
import {
  afterCredit,
  afterDrawdown,
  crossingsOf,
  type LowBalanceState,
  rearmedBy,
} from './low-balance-alert';

/** Whole cents as a decimal string, built from integers (no float is involved). */
const usd = (cents: number) => {
  const abs = Math.abs(cents);
  return Money.of(
    `${cents < 0 ? '-' : ''}${Math.trunc(abs / 100)}.${String(abs % 100).padStart(2, '0')}`,
    'USD',
  );
};

type Step = { kind: 'call'; charge: number } | { kind: 'top-up'; amount: number };

const steps = fc.array(
  fc.oneof(
    fc.record({ kind: fc.constant('call' as const), charge: fc.integer({ min: 0, max: 800 }) }),
    fc.record({ kind: fc.constant('top-up' as const), amount: fc.integer({ min: 1, max: 2000 }) }),
  ),
  { maxLength: 60 },
);

/** Runs the steps through the rule; answers the alerts and the downward crossings it saw. */
function simulate(startCents: number, thresholdCents: number, script: Step[]) {
  const threshold = usd(thresholdCents);
  let balance = usd(startCents);
  let state: LowBalanceState = { armed: true };
  let alerts = 0;
  let crossings = 0;
  for (const step of script) {
    if (step.kind === 'top-up') {
      balance = balance.plus(usd(step.amount));
      state = afterCredit(state, balance, threshold);
      continue;
    }
    const after = balance.minus(usd(step.charge));
    if (balance.compareTo(threshold) >= 0 && after.compareTo(threshold) < 0) crossings += 1;
    const outcome = afterDrawdown(state, balance, after, threshold);
    if (outcome.alert) alerts += 1;
    state = outcome.state;
    balance = after;
  }
  return { alerts, crossings };
}

describe('Low-balance alerts', () => {
  it('raises one alert per downward crossing of the threshold, re-armed by top-ups', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -500, max: 3000 }),
        fc.integer({ min: 0, max: 1500 }),
        steps,
        (start, threshold, script) => {
          const { alerts, crossings } = simulate(start, threshold, script);
          expect(alerts).toBe(crossings);
        },
      ),
    );
  });

  it('alerts on the call that goes below, not on later calls below, nor on a balance that started below', () => {
    const threshold = usd(500);
    const first = afterDrawdown({ armed: true }, usd(600), usd(450), threshold);
    expect(first).toEqual({ alert: true, state: { armed: false } });
    expect(afterDrawdown(first.state, usd(450), usd(300), threshold).alert).toBe(false);
    expect(afterDrawdown({ armed: true }, usd(400), usd(300), threshold).alert).toBe(false);
  });

  it('alerts again only after a top-up reached the threshold', () => {
    const threshold = usd(500);
    const belowStill = afterCredit({ armed: false }, usd(499), threshold);
    expect(afterDrawdown(belowStill, usd(499), usd(100), threshold).alert).toBe(false);
    const rearmed = afterCredit({ armed: false }, usd(500), threshold);
    expect(afterDrawdown(rearmed, usd(500), usd(499), threshold).alert).toBe(true);
  });
});

describe('crossingsOf: the alerts a drawdown raises', () => {
  const move = (over: Partial<Parameters<typeof crossingsOf>[0][number]>) => ({
    customerId: 'ada',
    before: usd(600),
    after: usd(450),
    state: { armed: true },
    threshold: usd(500) as Money | null,
    ...over,
  });

  it('names each armed balance that went below its threshold, with the balance it left', () => {
    const crossings = crossingsOf([
      move({ customerId: 'ada' }),
      move({ customerId: 'bob', after: usd(500) }),
      move({ customerId: 'cyd', state: { armed: false } }),
      move({ customerId: 'dan', before: usd(499), after: usd(100) }),
    ]);
    expect(
      crossings.map(({ customerId, balance, threshold }) => [
        customerId,
        balance.toString(),
        threshold.toString(),
      ]),
    ).toEqual([['ada', '4.50', '5.00']]);
  });

  it('raises none without a threshold, or with a threshold in another currency', () => {
    expect(crossingsOf([move({ threshold: null }), move({ threshold: Money.of('5.00', 'EUR') })])).toEqual(
      [],
    );
  });
});

describe('rearmedBy: whether a credit re-arms the alert', () => {
  it('re-arms once the balance is at or above the threshold, never below it or without one', () => {
    expect([usd(499), usd(500), usd(501)].map((after) => rearmedBy(after, usd(500)))).toEqual([
      false,
      true,
      true,
    ]);
    expect(rearmedBy(usd(900), null)).toBe(false);
    expect(rearmedBy(usd(900), Money.of('5.00', 'EUR'))).toBe(false);
  });
});
