import type { Money } from '../../shared/domain/money';
import { InvalidPlanCatalogError } from './billing-plan.errors';
import { AMOUNT_RULE, catalogAmount } from './catalog-amount';
import { DeckFiles } from './deck-files';

const CURRENCY = /^[A-Z]{3}$/;

/**
 * Reads one plan's settings from the configuration file, naming the plan and field on any error.
 * It remembers what its plan type read, so that a setting the type never reads is refused
 * (`refuseUnread`) without each type listing its fields.
 */
export class PlanSettingsReader {
  private readonly read = new Set<string>(['type']);

  constructor(
    readonly plan: string,
    private readonly spec: Record<string, unknown>,
    /** The catalog's destination files (`destinationsFile`); none by default. */
    readonly deckFiles: DeckFiles = new DeckFiles(undefined),
  ) {}

  currency(): string {
    const value = this.value('currency');
    if (typeof value !== 'string' || !CURRENCY.test(value)) {
      throw this.invalid('currency', 'must be a 3-letter ISO 4217 code such as "USD"');
    }
    return value;
  }

  /** A non-negative decimal string with at most 6 decimals (never a JSON number: money is not a float). */
  money(field: string): Money {
    const money = catalogAmount(this.value(field), this.currency());
    if (money === null) throw this.invalid(field, AMOUNT_RULE);
    return money;
  }

  /** Above zero: a prepaid rate of 0 would make the remaining minutes of a balance infinite. */
  positiveMoney(field: string): Money {
    const money = this.money(field);
    if (!money.isPositive()) throw this.invalid(field, 'must be above zero');
    return money;
  }

  nullableWholeNumber(field: string): number | null {
    const value = this.value(field);
    if (value === null || value === undefined) return null;
    if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
      throw this.invalid(field, 'must be a whole number of minutes, or null');
    }
    return value;
  }

  /** The raw setting (undefined when absent), for readers of structured settings; it counts as read. */
  value(name: string): unknown {
    this.read.add(name);
    return Object.hasOwn(this.spec, name) ? this.spec[name] : undefined;
  }

  /** The error that stops start-up, naming this plan and `field`. */
  invalid(field: string, problem: string): InvalidPlanCatalogError {
    return new InvalidPlanCatalogError(this.plan, field, problem);
  }

  /** After the plan is built: a setting its type did not read is a mistake (a typo, another type's). */
  refuseUnread(): void {
    const unknown = Object.keys(this.spec).find((field) => !this.read.has(field));
    if (unknown !== undefined) throw this.invalid(unknown, 'is not a setting of this plan type');
  }
}
