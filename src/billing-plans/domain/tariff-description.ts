import type { RateSchedule, RateVersion } from './rate-schedule';
import type { DeckSource, Tariff } from './tariff';

/**
 * Decks up to this many prefixes are listed entry by entry in `GET /v1/plans`; larger ones (a
 * file of tens of thousands of prefixes) only by size and file, so the answer stays small.
 */
export const INLINE_DECK_LIMIT = 50;

export interface DeckDescription {
  size: number;
  /** The `destinationsFile` as configured; null for an inline `destinations` list. */
  file: string | null;
  /** Present when `size <= INLINE_DECK_LIMIT`. */
  entries?: { prefix: string; group: string; ratePerMinute: string }[];
}

export interface TariffDescription {
  effectiveFrom: string | null;
  ratePerMinute: string | null;
  billingIncrement: { firstSeconds: number; nextSeconds: number };
  connectFee: string;
  destinations: DeckDescription | null;
}

/**
 * The rating settings of a per-minute plan: the version in force at `at` (every version from the
 * first when `at` is not given) at the top, and each later one, whole, under `versions`. A plan
 * configured without any rating setting is described as before #16 (`ratePerMinute` only).
 */
export function describeSchedule(schedule: RateSchedule, at?: Date): Record<string, unknown> {
  if (schedule.isPerStartedMinute)
    return { ratePerMinute: schedule.versions[0].tariff.ratePerMinute!.toString() };
  const [current, ...later] = at ? schedule.fromVersionAt(at) : schedule.versions;
  return { ...describeVersion(current), versions: later.map(describeVersion) };
}

function describeVersion(version: RateVersion): TariffDescription {
  return { effectiveFrom: version.effectiveFrom?.toISOString() ?? null, ...describeTariff(version.tariff) };
}

function describeTariff(tariff: Tariff): Omit<TariffDescription, 'effectiveFrom'> {
  return {
    ratePerMinute: tariff.ratePerMinute?.toString() ?? null,
    billingIncrement: tariff.increment.toJSON(),
    connectFee: tariff.connectFee.toString(),
    destinations: tariff.deck && describeDeck(tariff.deck),
  };
}

function describeDeck({ deck, file }: DeckSource): DeckDescription {
  if (deck.size > INLINE_DECK_LIMIT) return { size: deck.size, file };
  const entries = deck.entries().map(({ prefix, rate }) => ({
    prefix,
    group: rate.group,
    ratePerMinute: rate.ratePerMinute.toString(),
  }));
  return { size: deck.size, file, entries };
}
