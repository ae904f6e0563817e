import { Money } from '../../shared/domain/money';
import { InvalidPlanCatalogError } from './billing-plan.errors';

const DECIMAL = /^\d+(\.\d+)?$/;
const CURRENCY = /^[A-Z]{3}$/;

/**
 * Reads one plan's settings from the configuration file, naming the plan and field on any error.
 * It remembers what its plan type read, so that a setting the type never reads is refused
 * (`refuseUnread`) without each type listing its fields.
 */
export class PlanSettingsReader {
  private readonly read = new Set<string>(['type']);

  constructor(
    private readonly plan: string,
    private readonly spec: Record<string, unknown>,
  ) {}

  currency(): string {
    const value = this.field('currency');
    if (typeof value !== 'string' || !CURRENCY.test(value)) {
      throw new InvalidPlanCatalogError(
        this.plan,
        'currency',
        'must be a 3-letter ISO 4217 code such as "USD"',
      );
    }
    return value;
  }

  /** A non-negative decimal string (never a JSON number: money is not a float). */
  money(field: string): Money {
    const value = this.field(field);
    if (typeof value !== 'string' || !DECIMAL.test(value)) {
      throw new InvalidPlanCatalogError(
        this.plan,
        field,
        'must be a non-negative decimal string such as "0.02"',
      );
    }
    return Money.of(value, this.currency());
  }

  /** Above zero: a prepaid rate of 0 would make the remaining minutes of a balance infinite. */
  positiveMoney(field: string): Money {
    const money = this.money(field);
    if (!money.isPositive()) throw new InvalidPlanCatalogError(this.plan, field, 'must be above zero');
    return money;
  }

  nullableWholeNumber(field: string): number | null {
    const value = this.field(field);
    if (value === null || value === undefined) return null;
    if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
      throw new InvalidPlanCatalogError(this.plan, field, 'must be a whole number of minutes, or null');
    }
    return value;
  }

  /** After the plan is built: a setting its type did not read is a mistake (a typo, another type's). */
  refuseUnread(): void {
    const unknown = Object.keys(this.spec).find((field) => !this.read.has(field));
    if (unknown !== undefined)
      throw new InvalidPlanCatalogError(this.plan, unknown, 'is not a setting of this plan type');
  }

  private field(name: string): unknown {
    this.read.add(name);
    return Object.hasOwn(this.spec, name) ? this.spec[name] : undefined;
  }
}
