import { Money } from '../../shared/domain/money';
import { InvalidPlanCatalogError } from './billing-plan.errors';

const DECIMAL = /^\d+(\.\d+)?$/;
const CURRENCY = /^[A-Z]{3}$/;

/** Reads one plan's settings from the configuration file, naming the plan and field on any error. */
export class PlanSettingsReader {
  constructor(
    private readonly plan: string,
    private readonly spec: Record<string, unknown>,
  ) {}

  currency(): string {
    const value = this.spec.currency;
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
    const value = this.spec[field];
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
    const value = this.spec[field];
    if (value === null || value === undefined) return null;
    if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
      throw new InvalidPlanCatalogError(this.plan, field, 'must be a whole number of minutes, or null');
    }
    return value;
  }

  onlyFields(allowed: string[]): void {
    const unknown = Object.keys(this.spec).filter((field) => !allowed.includes(field));
    if (unknown.length > 0)
      throw new InvalidPlanCatalogError(this.plan, unknown[0], 'is not a setting of this plan type');
  }
}
