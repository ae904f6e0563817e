import { Money } from '../../shared/domain/money';

/**
 * Amounts of the catalog: decimal strings (never JSON numbers: money is not a float) with at most 6
 * decimals, so that a charge of whole minutes is exact at the 6 decimals charges keep.
 */
const AMOUNT = /^\d+(\.\d{1,6})?$/;

export const AMOUNT_RULE = 'must be a non-negative decimal string with at most 6 decimals, such as "0.02"';

/** The amount, or null when `raw` is not one (the caller names where it was). */
export function catalogAmount(raw: unknown, currency: string): Money | null {
  return typeof raw === 'string' && AMOUNT.test(raw) ? Money.of(raw, currency) : null;
}
