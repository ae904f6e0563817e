import Decimal from 'decimal.js';
import { Money } from '../../shared/domain/money';
import { CurrencyMismatchError } from '../../shared/domain/shared.errors';

/** Call charges keep 6 decimals: the only rounding before the invoice rounds its lines to the cent. */
export const CHARGE_DECIMALS = 6;

const Exact = Decimal.clone({ precision: 50, rounding: Decimal.ROUND_HALF_UP });
const SCALE = new Exact(10).pow(CHARGE_DECIMALS);
const MICROS = 1_000_000;
/** Amounts of the catalog in integer millionths, when exact and safe (rates and fees are reused). */
const microsOf = new WeakMap<Money, number | null>();

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
    const usage = ratePerMinute.times(billedSeconds / 60);
    const exact = connectFee.isZero() ? usage : usage.plus(connectFee);
    return exact.amount.decimalPlaces() <= CHARGE_DECIMALS
      ? exact
      : roundedCharge(exact.amount, exact.currency);
  }
  return (
    inMicros(billedSeconds, ratePerMinute, connectFee) ?? inDecimals(billedSeconds, ratePerMinute, connectFee)
  );
}

/** Integer arithmetic in millionths, when every step stays a safe integer (any real tariff). */
function inMicros(billedSeconds: number, ratePerMinute: Money, connectFee: Money): Money | null {
  const rate = micros(ratePerMinute);
  const fee = micros(connectFee);
  if (rate === null || fee === null || rate < 0 || fee < 0) return null;
  // round(n / 60) half-up = floor((2n + 60) / 120), with n = 60 × fee + seconds × rate in millionths.
  // Every term is a non-negative integer: if the sum is a safe integer, each step was exact.
  const doubled = 2 * (60 * fee + billedSeconds * rate) + 60;
  if (!Number.isSafeInteger(doubled)) return null;
  const charge = (doubled - (doubled % 120)) / 120;
  const fraction = charge % MICROS;
  const units = (charge - fraction) / MICROS;
  return Money.of(`${units}.${String(fraction).padStart(CHARGE_DECIMALS, '0')}`, ratePerMinute.currency);
}

/** The same in decimals, for amounts too large for safe integers: the remainder decides the half-up. */
function inDecimals(billedSeconds: number, ratePerMinute: Money, connectFee: Money): Money {
  const scaled = connectFee.amount.times(60).plus(ratePerMinute.amount.times(billedSeconds)).times(SCALE);
  const quotient = new Exact(scaled).dividedToIntegerBy(60);
  const remainder = new Exact(scaled).minus(quotient.times(60));
  const rounded = remainder.times(2).greaterThanOrEqualTo(60) ? quotient.plus(1) : quotient;
  return Money.of(rounded.dividedBy(SCALE), ratePerMinute.currency);
}

function roundedCharge(amount: Decimal, currency: string): Money {
  return Money.of(amount.toDecimalPlaces(CHARGE_DECIMALS, Decimal.ROUND_HALF_UP), currency);
}

function micros(money: Money): number | null {
  let value = microsOf.get(money);
  if (value === undefined) {
    const scaled = money.amount.times(MICROS);
    value = scaled.isInteger() && scaled.abs().lte(Number.MAX_SAFE_INTEGER) ? scaled.toNumber() : null;
    microsOf.set(money, value);
  }
  return value;
}
