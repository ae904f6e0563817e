import Decimal from 'decimal.js';
import type { Money } from '../../shared/domain/money';
import type { BillingIncrement } from './billing-increment';
import { CHARGE_DECIMALS, callCharge } from './call-charge';

/** What a destination costs: its rate, the plan's increment and connect fee at the instant asked. */
export interface DestinationPrice {
  ratePerMinute: Money;
  increment: BillingIncrement;
  connectFee: Money;
}

const Exact = Decimal.clone({ precision: 50, rounding: Decimal.ROUND_HALF_UP });
/** Half a unit of the last charge decimal: how much rounding can lower a charge. */
const HALF_UNIT = new Exact(10).pow(-CHARGE_DECIMALS).dividedBy(2);

/**
 * The longest call, in whole seconds, that `balance` still pays in full: the largest billed
 * duration `firstSeconds + k × nextSeconds` whose charge (connect fee included, 6 decimals) is at
 * most the balance. A call of that many seconds bills exactly that many. 0 when the balance is zero
 * or negative, or does not pay the first increment. Source: API.md, "Rating": "Prepaid".
 * @throws RangeError for a zero rate, which a balance would pay forever (prepaid plans refuse it).
 */
export function remainingSeconds(balance: Money, price: DestinationPrice): number {
  const { ratePerMinute, increment, connectFee } = price;
  if (!ratePerMinute.isPositive()) throw new RangeError('remaining seconds need a rate above zero');
  const billedAfter = (steps: number) => increment.firstSeconds + steps * increment.nextSeconds;
  const pays = (steps: number) =>
    callCharge(billedAfter(steps), ratePerMinute, connectFee).compareTo(balance) <= 0;
  if (!balance.isPositive() || !pays(0)) return 0;

  // Exactly: fee + billed × rate / 60 <= balance + HALF_UNIT bounds the billed seconds from above.
  const bound = new Exact(balance.amount)
    .plus(HALF_UNIT)
    .minus(connectFee.amount)
    .times(60)
    .dividedBy(ratePerMinute.amount)
    .minus(increment.firstSeconds)
    .dividedToIntegerBy(increment.nextSeconds)
    .toNumber();
  let paid = 0;
  let unpaid = Math.max(bound, 0) + 2;
  while (pays(unpaid)) unpaid *= 2; // only if the bound's division was short
  while (unpaid - paid > 1) {
    const middle = paid + Math.floor((unpaid - paid) / 2);
    if (pays(middle)) paid = middle;
    else unpaid = middle;
  }
  return billedAfter(paid);
}
