import Decimal from 'decimal.js';
import {
  CurrencyMismatchError,
  InvalidCurrencyError,
  InvalidMoneyAmountError,
  InvalidMoneyFactorError,
} from './shared.errors';

/**
 * A private Decimal constructor, so that nothing here depends on (or is broken by) someone changing
 * the global decimal.js configuration. ROUND_HALF_UP in decimal.js rounds ties away from zero.
 */
const Exact = Decimal.clone({ precision: 50, rounding: Decimal.ROUND_HALF_UP });
/** Decimals are immutable: one zero serves every sum and every zero amount. */
const ZERO = new Exact(0);

const DECIMAL = /^-?\d+(\.\d+)?$/;
/** Two decimals, no redundant leading zero, not negative: already in `format()`'s form. */
const ALREADY_FORMATTED = /^(0|[1-9]\d*)\.\d\d$/;
const CURRENCY = /^[A-Z]{3}$/;

export type MoneyAmount = string | Decimal | bigint | number;

/** Plain digits only: '1e3', '.5', '1.', ' 1' and floats are refused, so no amount is ever a float. */
function toExact(raw: unknown): Decimal | null {
  if (typeof raw === 'string') return DECIMAL.test(raw) ? new Exact(raw) : null;
  if (typeof raw === 'bigint') return new Exact(raw.toString());
  if (typeof raw === 'number') return Number.isSafeInteger(raw) ? new Exact(raw) : null;
  if (Decimal.isDecimal(raw)) return raw.isFinite() ? new Exact(raw) : null;
  return null;
}

/** An exact amount in one currency. Immutable; arithmetic never rounds except in roundedToCents(). */
export class Money {
  private constructor(
    private readonly value: Decimal,
    readonly currency: string,
  ) {
    Object.freeze(this);
  }

  static of(amount: MoneyAmount, currency: string): Money {
    const value = toExact(amount);
    if (value === null) throw new InvalidMoneyAmountError(amount);
    if (typeof currency !== 'string' || !CURRENCY.test(currency)) throw new InvalidCurrencyError(currency);
    return Money.exact(value, currency);
  }

  static zero(currency: string): Money {
    if (typeof currency !== 'string' || !CURRENCY.test(currency)) throw new InvalidCurrencyError(currency);
    return new Money(ZERO, currency);
  }

  static sum(list: readonly Money[], currency: string): Money {
    let total: Decimal = Money.zero(currency).value;
    for (const money of list) {
      if (money.currency !== currency) throw new CurrencyMismatchError(currency, money.currency);
      total = total.plus(money.value);
    }
    return Money.exact(total, currency);
  }

  /** Negative zero is folded into zero here, so it can never print as "-0.00" or compare unequal. */
  private static exact(value: Decimal, currency: string): Money {
    return new Money(value.isZero() ? ZERO : value, currency);
  }

  get amount(): Decimal {
    return this.value;
  }

  plus(other: Money): Money {
    this.assertSameCurrency(other);
    return Money.exact(this.value.plus(other.value), this.currency);
  }

  minus(other: Money): Money {
    this.assertSameCurrency(other);
    return Money.exact(this.value.minus(other.value), this.currency);
  }

  /** Exact: a factor is an integer or a plain decimal string/Decimal, never a float. */
  times(factor: number | bigint | string | Decimal): Money {
    const exactFactor = toExact(factor);
    if (exactFactor === null) throw new InvalidMoneyFactorError(factor);
    return Money.exact(this.value.times(exactFactor), this.currency);
  }

  negated(): Money {
    return Money.exact(this.value.negated(), this.currency);
  }

  /** Half-up, ties away from zero: 0.045 → 0.05 and -0.045 → -0.05. */
  roundedToCents(): Money {
    return Money.exact(this.value.toDecimalPlaces(2, Decimal.ROUND_HALF_UP), this.currency);
  }

  isZero(): boolean {
    return this.value.isZero();
  }

  isNegative(): boolean {
    return this.value.isNegative() && !this.value.isZero();
  }

  isPositive(): boolean {
    return this.value.isPositive() && !this.value.isZero();
  }

  /** Same currency and the same exact value: 0.5 equals 0.50. */
  equals(other: Money): boolean {
    return this.currency === other.currency && this.value.equals(other.value);
  }

  compareTo(other: Money): -1 | 0 | 1 {
    this.assertSameCurrency(other);
    return this.value.comparedTo(other.value) as -1 | 0 | 1;
  }

  min(other: Money): Money {
    return this.compareTo(other) <= 0 ? this : other;
  }

  max(other: Money): Money {
    return this.compareTo(other) >= 0 ? this : other;
  }

  /** The shortest form with at least two decimals ("0.03", "0.045", "20.00"), never in exponent notation. */
  format(): string {
    return Money.formatAmount(this.value.toFixed());
  }

  /**
   * `format()` for an amount already in plain decimal notation (as PostgreSQL writes a numeric),
   * without building a Money: "0.0450" → "0.045", "7" → "7.00", "-0.00" → "0.00".
   */
  static formatAmount(plain: string): string {
    if (ALREADY_FORMATTED.test(plain)) return plain; // most stored amounts: "0.06", "12.40"
    if (!DECIMAL.test(plain)) throw new InvalidMoneyAmountError(plain);
    const [integer, fraction = ''] = plain.split('.');
    const decimals = fraction.replace(/0+$/, '').padEnd(2, '0');
    const isZero = /^-?0*$/.test(integer) && /^0*$/.test(decimals);
    const unsignedInteger = integer.replace(/^-/, '').replace(/^0+(?=\d)/, '');
    return `${plain.startsWith('-') && !isZero ? '-' : ''}${unsignedInteger}.${decimals}`;
  }

  toString(): string {
    return this.format();
  }

  toJSON(): { amount: string; currency: string } {
    return { amount: this.format(), currency: this.currency };
  }

  private assertSameCurrency(other: Money): void {
    if (other.currency !== this.currency) throw new CurrencyMismatchError(this.currency, other.currency);
  }
}
