import type { InvoiceLineDraft, RatedUsage } from './billing-plan';
import { DEFAULT_RATE_GROUP } from './call-rating';

export type { RatedUsage } from './billing-plan';

const plurals = new Intl.PluralRules('en');

/** "1 minute", "2 minutes", "1.02 minutes" (English plural rules, as invoice lines read). */
export function minutesText(minutes: number): string {
  return `${minutes} ${plurals.select(minutes) === 'one' ? 'minute' : 'minutes'}`;
}

/**
 * Billed seconds as minutes for reading: `billedSeconds / 60`, half-up to 2 decimals (integer
 * arithmetic: 61 s → 1.02, 90 s → 1.5).
 */
export function billedMinutes(billedSeconds: number): number {
  return Math.floor((billedSeconds * 200 + 60) / 120) / 100;
}

/**
 * One usage line per (group, ratePerMinute) (API.md, "Rating": "Invoice"):
 * `"Portugal mobile: 130 minutes at 0.05 USD"` (the default group reads as before: `"412 minutes
 * at 0.02 USD"`), `quantity` the billed minutes (2 decimals), `amount` the exact sum of the calls'
 * charges, rounded later by the invoice. Entries of the same rate merge. Cheapest first, then by
 * group name in UTF-16 code-unit order (the same in every locale).
 */
export function usageLinesByRate(period: string, usage: readonly RatedUsage[]): InvoiceLineDraft[] {
  return mergedByRate(usage)
    .sort(
      (a, b) =>
        a.ratePerMinute.compareTo(b.ratePerMinute) || (a.group < b.group ? -1 : a.group > b.group ? 1 : 0),
    )
    .map((rated) => {
      const minutes = billedMinutes(rated.billedSeconds);
      const price = `${rated.ratePerMinute.toString()} ${rated.ratePerMinute.currency}`;
      const label = rated.group === DEFAULT_RATE_GROUP ? '' : `${rated.group}: `;
      return {
        kind: 'usage',
        description: `${label}${minutesText(minutes)} at ${price}`,
        period,
        group: rated.group,
        billedSeconds: rated.billedSeconds,
        quantity: minutes,
        unitPrice: rated.ratePerMinute,
        amount: rated.charge,
      };
    });
}

export function totalBilledSeconds(usage: readonly RatedUsage[]): number {
  return usage.reduce((sum, rated) => sum + rated.billedSeconds, 0);
}

function mergedByRate(usage: readonly RatedUsage[]): RatedUsage[] {
  const merged = new Map<string, RatedUsage>();
  for (const rated of usage) {
    const key = `${rated.group}\u0000${rated.ratePerMinute.toString()}`;
    const seen = merged.get(key);
    merged.set(
      key,
      seen
        ? {
            ...seen,
            billedSeconds: seen.billedSeconds + rated.billedSeconds,
            callCount: seen.callCount + rated.callCount,
            charge: seen.charge.plus(rated.charge),
          }
        : rated,
    );
  }
  return [...merged.values()];
}
