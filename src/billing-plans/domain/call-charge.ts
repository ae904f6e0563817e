import Decimal from 'decimal.js';
import { Money } from '../../shared/domain/money';
import { CurrencyMismatchError } from '../../shared/domain/shared.errors';

/** Call charges keep 6 decimals: the only rounding before the invoice rounds its lines to the cent. */
export const CHARGE_DECIMALS = 6;

const Exact = Decimal.clone({ precision: 50, rounding: Decimal.ROUND_HALF_UP });
const SCALE = new Exact(10).pow(CHARGE_DECIMALS);

/**
 * `connectFee + billedSeconds × ratePerMinute / 60`, rounded half-up to 6 decimals (API.md, "Rating":
 * "Charge"). Exact: no float and no approximate division is involved. Whenever the billed seconds
 * are whole minutes the division is exact, and so is the charge (the catalog holds rates and fees
 * to at most 6 decimals). Amounts are never negative.
 */
export function callCharge(billedSeconds: number, ratePerMinute: Money, connectFee: Money): Money {
  if (connectFee.currency !== ratePerMinute.currency)
    throw new CurrencyMismatchError(ratePerMinute.currency, connectFee.currency);
  if (billedSeconds % 60 === 0) {
    const exact = connectFee.plus(ratePerMinute.times(billedSeconds / 60));
    return Money.of(exact.amount.toDecimalPlaces(CHARGE_DECIMALS, Decimal.ROUND_HALF_UP), exact.currency);
  }
  // round(n / 60) at 6 decimals = round(n × 10^6 / 60) / 10^6; the remainder decides the half-up.
  const scaled = connectFee.amount.times(60).plus(ratePerMinute.amount.times(billedSeconds)).times(SCALE);
  const quotient = new Exact(scaled).dividedToIntegerBy(60);
  const remainder = new Exact(scaled).minus(quotient.times(60));
  const rounded = remainder.times(2).greaterThanOrEqualTo(60) ? quotient.plus(1) : quotient;
  return Money.of(rounded.dividedBy(SCALE), ratePerMinute.currency);
}
