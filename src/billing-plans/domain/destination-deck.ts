import type { Money } from '../../shared/domain/money';
import { AMOUNT_RULE, catalogAmount } from './catalog-amount';
import type { CallRate } from './call-rating';

/** One row of a deck as configured: inline JSON or a CSV line, not yet checked. */
export interface DeckRow {
  /** Where the row is, for messages: `line 7` of a file, `destinations[3]` inline. */
  where: string;
  prefix: unknown;
  group: unknown;
  ratePerMinute: unknown;
}

/** A checked deck entry: the rate (group and price) of every destination starting with `prefix`. */
export interface DeckEntry {
  prefix: string;
  rate: CallRate;
  /** The row it came from (`line 7`, `destinations[3]`), for messages. */
  where: string;
}

/** A row of a deck breaks a rule; the catalog reader adds the plan, the field and the file. */
export class InvalidDeckRowError extends Error {
  constructor(
    readonly where: string,
    readonly problem: string,
  ) {
    super(`${where}: ${problem}`);
  }
}

/** `+` and 1 to 15 digits (E.164 is at most 15), not starting with 0 (no country code does). */
const PREFIX = /^\+[1-9]\d{0,14}$/;
const MAX_DIGITS = 15;
export const MAX_GROUP_LENGTH = 64;
const CONTROL = /\p{Cc}/u;

/**
 * A destination deck: prices by the longest prefix of the dialled E.164 number. The prefixes of
 * one length are a Map keyed by their digits read as a number (at most 15 digits: exact), so a
 * lookup reads the destination's digits once and probes one Map per prefix length present, longest
 * first, without building a string: its cost does not grow with the number of prefixes.
 */
export class DestinationDeck {
  /** Index = number of digits after `+`. */
  private readonly byLength: (Map<number, DeckEntry> | undefined)[] = [];
  /** Prefix lengths present (digits after `+`), longest first. */
  private readonly lengths: number[];
  /** Scratch: the destination's first 1..15 digits as numbers (rating is synchronous: never shared). */
  private readonly leadingValues = new Array<number>(MAX_DIGITS + 1).fill(0);

  private constructor(private readonly list: readonly DeckEntry[]) {
    for (const entry of list) {
      const length = entry.prefix.length - 1;
      const sameLength = this.byLength[length] ?? new Map<number, DeckEntry>();
      sameLength.set(Number(entry.prefix.slice(1)), entry);
      this.byLength[length] = sameLength;
    }
    this.lengths = this.byLength.flatMap((map, length) => (map ? [length] : [])).reverse();
  }

  /**
   * Checks every row (prefix, group, rate in `currency`; no prefix twice) and builds the deck.
   * @throws InvalidDeckRowError naming the first row that breaks a rule.
   */
  static fromRows(rows: readonly DeckRow[], currency: string): DestinationDeck {
    const seen = new Map<string, string>();
    // Prefixes of one group and price share one rate object: a large deck holds a few hundred rates,
    // not one Money per prefix, which keeps the heap (and every major GC's marking) small.
    const rates = new Map<string, CallRate>();
    const entries = rows.map((row) => {
      const entry = checkedEntry(row, currency, rates);
      const first = seen.get(entry.prefix);
      if (first !== undefined)
        throw new InvalidDeckRowError(row.where, `duplicate prefix "${entry.prefix}" (first at ${first})`);
      seen.set(entry.prefix, row.where);
      return entry;
    });
    return new DestinationDeck(entries);
  }

  get size(): number {
    return this.list.length;
  }

  /** The entries in configuration order. */
  entries(): readonly DeckEntry[] {
    return this.list;
  }

  /** The rate of the longest prefix of `e164` (`+` and up to 15 digits), or null when none matches. */
  rateFor(e164: string): CallRate | null {
    const digits = Math.min(e164.length - 1, MAX_DIGITS);
    const leading = this.leadingValues;
    let value = 0;
    for (let index = 1; index <= digits; index++) {
      const digit = e164.charCodeAt(index) - 48;
      if (digit < 0 || digit > 9) return null;
      value = value * 10 + digit;
      leading[index] = value;
    }
    for (const length of this.lengths) {
      if (length > digits) continue;
      const entry = this.byLength[length]!.get(leading[length]);
      if (entry) return entry.rate;
    }
    return null;
  }

  /** The first entry whose rate is zero, if any (a prepaid plan refuses it: a balance would last forever). */
  firstFreeEntry(): DeckEntry | undefined {
    return this.list.find((entry) => entry.rate.ratePerMinute.isZero());
  }
}

function checkedEntry(row: DeckRow, currency: string, rates: Map<string, CallRate>): DeckEntry {
  const { where, prefix, group, ratePerMinute } = row;
  if (typeof prefix !== 'string' || !PREFIX.test(prefix)) {
    throw new InvalidDeckRowError(
      where,
      `malformed prefix ${shown(prefix)}: a "+" and 1 to 15 digits, not starting with 0`,
    );
  }
  if (typeof group !== 'string' || group.trim() !== group || group.length === 0) {
    throw new InvalidDeckRowError(where, `group ${shown(group)} must be a name without surrounding spaces`);
  }
  if (group.length > MAX_GROUP_LENGTH || CONTROL.test(group)) {
    throw new InvalidDeckRowError(
      where,
      `group ${shown(group)} must be at most ${MAX_GROUP_LENGTH} characters, without control characters`,
    );
  }
  const rate: Money | null = catalogAmount(ratePerMinute, currency);
  if (rate === null)
    throw new InvalidDeckRowError(where, `ratePerMinute ${shown(ratePerMinute)} ${AMOUNT_RULE}`);
  const key = `${group}\u0000${rate.toString()}`;
  let shared = rates.get(key);
  if (shared === undefined) {
    shared = Object.freeze({ group, ratePerMinute: rate });
    rates.set(key, shared);
  }
  return { prefix, rate: shared, where };
}

function shown(raw: unknown): string {
  return raw === undefined ? '(missing)' : JSON.stringify(raw);
}
