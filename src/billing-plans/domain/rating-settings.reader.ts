import { BillingIncrement } from './billing-increment';
import { AMOUNT_RULE, catalogAmount } from './catalog-amount';
import { DestinationDeck, InvalidDeckRowError, type DeckRow } from './destination-deck';
import type { PlanSettingsReader } from './plan-settings.reader';
import type { DeckSource, TariffSettings } from './tariff';

/** The longest increment: a day, longer than any call. */
export const MAX_INCREMENT_SECONDS = 86_400;
const INCREMENT_RULE = `must be { "firstSeconds": n, "nextSeconds": n }, whole seconds from 1 to ${MAX_INCREMENT_SECONDS}`;
const ROW_SETTINGS = new Set(['prefix', 'group', 'ratePerMinute']);

/**
 * Where one set of rating settings is read from: the plan's own fields, or one entry of its
 * `versions`; `field` names a setting in messages (`connectFee`, `versions[1].connectFee`).
 */
export interface RatingSettingsSource {
  settings: PlanSettingsReader;
  currency: string;
  get(name: string): unknown;
  field(name: string): string;
}

export function ownSettings(settings: PlanSettingsReader): RatingSettingsSource {
  return {
    settings,
    currency: settings.currency(),
    get: (name) => settings.value(name),
    field: (name) => name,
  };
}

/**
 * The rating settings `source` gives, only those present: `ratePerMinute` (null: no default
 * rate), `billingIncrement`, `connectFee`, and a deck from `destinations` or `destinationsFile`
 * (an empty `destinations` list is no deck).
 */
export function readTariffChanges(source: RatingSettingsSource): Partial<TariffSettings> {
  const changes: Partial<TariffSettings> = {};
  const rate = source.get('ratePerMinute');
  if (rate !== undefined) changes.ratePerMinute = rate === null ? null : amount(source, 'ratePerMinute');
  if (source.get('billingIncrement') !== undefined) changes.increment = readBillingIncrement(source)!;
  if (source.get('connectFee') !== undefined) changes.connectFee = amount(source, 'connectFee');
  const deck = readDeck(source);
  if (deck !== undefined) changes.deck = deck;
  return changes;
}

/** `billingIncrement`, or undefined when not given. */
export function readBillingIncrement(source: RatingSettingsSource): BillingIncrement | undefined {
  const raw = source.get('billingIncrement');
  if (raw === undefined) return undefined;
  const isSeconds = (value: unknown) =>
    typeof value === 'number' && Number.isSafeInteger(value) && value >= 1 && value <= MAX_INCREMENT_SECONDS;
  if (
    !isObject(raw) ||
    Object.keys(raw).some((key) => key !== 'firstSeconds' && key !== 'nextSeconds') ||
    !isSeconds(raw.firstSeconds) ||
    !isSeconds(raw.nextSeconds)
  ) {
    throw source.settings.invalid(source.field('billingIncrement'), INCREMENT_RULE);
  }
  return new BillingIncrement(raw.firstSeconds as number, raw.nextSeconds as number);
}

function amount(source: RatingSettingsSource, name: string) {
  const money = catalogAmount(source.get(name), source.currency);
  if (money === null) throw source.settings.invalid(source.field(name), AMOUNT_RULE);
  return money;
}

/** The deck `source` sets (null: none), or undefined when it says nothing about one. */
function readDeck(source: RatingSettingsSource): DeckSource | null | undefined {
  const inline = source.get('destinations');
  const file = source.get('destinationsFile');
  if (inline !== undefined && file !== undefined)
    throw source.settings.invalid(
      source.field('destinationsFile'),
      'give destinations or destinationsFile, not both',
    );
  if (inline !== undefined) return inlineDeck(source, inline);
  if (file !== undefined) return fileDeck(source, file);
  return undefined;
}

function inlineDeck(source: RatingSettingsSource, raw: unknown): DeckSource | null {
  const field = source.field('destinations');
  if (!Array.isArray(raw))
    throw source.settings.invalid(field, 'must be a list of { "prefix", "group", "ratePerMinute" }');
  if (raw.length === 0) return null;
  const rows: DeckRow[] = raw.map((row: unknown, index) => {
    const where = `${field}[${index}]`;
    if (!isObject(row))
      throw source.settings.invalid(where, 'must be { "prefix", "group", "ratePerMinute" }');
    const unknown = Object.keys(row).find((key) => !ROW_SETTINGS.has(key));
    if (unknown !== undefined)
      throw source.settings.invalid(`${where}.${unknown}`, 'is not a setting of a destination');
    return { where, prefix: row.prefix, group: row.group, ratePerMinute: row.ratePerMinute };
  });
  try {
    return { deck: DestinationDeck.fromRows(rows, source.currency), file: null };
  } catch (error) {
    if (error instanceof InvalidDeckRowError) throw source.settings.invalid(error.where, error.problem);
    throw error;
  }
}

function fileDeck(source: RatingSettingsSource, path: unknown): DeckSource {
  const { settings } = source;
  const field = source.field('destinationsFile');
  if (typeof path !== 'string' || path.trim() === '')
    throw settings.invalid(field, 'must be the path of a CSV file (prefix,group,ratePerMinute)');
  if (!settings.deckFiles.available)
    throw settings.invalid(field, 'destination files are read only from a catalog file (BILLING_PLANS_FILE)');
  try {
    return { deck: settings.deckFiles.deck(path, source.currency), file: path };
  } catch (error) {
    if (error instanceof InvalidDeckRowError)
      throw settings.invalid(field, `${path} ${error.where}: ${error.problem}`);
    throw settings.invalid(field, `cannot read ${path}: ${messageOf(error)}`);
  }
}

/** An error's message; `instanceof Error` misses errors of another realm (Node's own, under Jest). */
function messageOf(error: unknown): string {
  return typeof error === 'object' && error !== null && 'message' in error
    ? String(error.message)
    : String(error);
}

export function isObject(raw: unknown): raw is Record<string, unknown> {
  return typeof raw === 'object' && raw !== null && !Array.isArray(raw);
}
