/**
 * The closed periods before `lastClosed` a customer is due an invoice for and has none, oldest
 * first. Two kinds:
 * - every period from `firstDue` (the one it was created in) up to `lastClosed`;
 * - earlier periods with calls (records migrated from an older system), `callPeriods`.
 */
export function missingPeriods(
  window: { firstDue: string; lastClosed: string },
  invoiced: ReadonlySet<string>,
  callPeriods: readonly string[],
): string[] {
  const ownMonths = monthsFrom(window.firstDue, monthsBetween(window.firstDue, window.lastClosed));
  const earlier = callPeriods.filter((period) => period < window.lastClosed);
  return [...ownMonths, ...earlier].filter((period) => !invoiced.has(period)).sort();
}

/** How many periods from `from` (inclusive) to `until` (exclusive); 0 when `until` is not later. */
export function monthsBetween(from: string, until: string): number {
  return Math.max(0, monthIndex(until) - monthIndex(from));
}

function monthsFrom(first: string, count: number): string[] {
  const start = monthIndex(first);
  return Array.from({ length: count }, (_, k) => {
    const index = start + k;
    return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
  });
}

function monthIndex(code: string): number {
  return Number(code.slice(0, 4)) * 12 + Number(code.slice(5, 7)) - 1;
}
