import { Money } from '../../shared/domain/money';
import { BillingIncrement } from './billing-increment';
import { callCharge } from './call-charge';
import { DEFAULT_RATE_GROUP, type CallRate, type CallRating } from './call-rating';
import type { DestinationDeck } from './destination-deck';
import { normaliseDestination } from './destination-number';

/** Charges a tariff remembers, all rates together (a whole-minute rate prices at most 1,440 lengths). */
const REMEMBERED_CHARGES = 20_000;

/** A deck and the file it was read from (null: inline in the catalog). */
export interface DeckSource {
  deck: DestinationDeck;
  file: string | null;
}

export interface TariffSettings {
  /** The price of calls no prefix matches, group `default`; null: such calls have no price. */
  ratePerMinute: Money | null;
  increment: BillingIncrement;
  connectFee: Money;
  deck: DeckSource | null;
}

/** The destination of a call and the line that dialled it (national forms are read in its country). */
export interface DialledDestination {
  destination: string | null;
  /** The calling line, E.164; without it, only international forms (`+...`) of a destination match. */
  phoneNumber?: string;
}

/**
 * The prices of one per-minute plan version: a default rate, a destination deck, the billing
 * increment and the connect fee. Source: API.md, "Rating: destinations, billing increments and
 * rate versions".
 */
export class Tariff {
  readonly ratePerMinute: Money | null;
  readonly increment: BillingIncrement;
  readonly connectFee: Money;
  readonly deck: DeckSource | null;
  /** The default rate: one frozen object shared by every call it prices. */
  private readonly defaultRate: CallRate | null;
  /** `charge`'s answers, by rate (the very Money of the default rate or a deck entry), then billed seconds. */
  private readonly charges = { byRate: new WeakMap<Money, Map<number, Money>>(), size: 0 };

  constructor(settings: TariffSettings) {
    this.ratePerMinute = settings.ratePerMinute;
    this.increment = settings.increment;
    this.connectFee = settings.connectFee;
    this.deck = settings.deck;
    this.defaultRate = this.ratePerMinute
      ? Object.freeze({ group: DEFAULT_RATE_GROUP, ratePerMinute: this.ratePerMinute })
      : null;
    Object.freeze(this);
  }

  /** Today's plans: one rate for every call, in whole started minutes, no connect fee, no deck. */
  static perStartedMinute(ratePerMinute: Money): Tariff {
    return new Tariff({
      ratePerMinute,
      increment: BillingIncrement.PER_STARTED_MINUTE,
      connectFee: Money.zero(ratePerMinute.currency),
      deck: null,
    });
  }

  /** The settings of a plan that predates decks, increments and fees: described as it always was. */
  get isPerStartedMinute(): boolean {
    return (
      this.deck === null &&
      this.ratePerMinute !== null &&
      this.connectFee.isZero() &&
      this.increment.equals(BillingIncrement.PER_STARTED_MINUTE)
    );
  }

  /**
   * The longest deck prefix of the normalised destination, else the default rate; null when the
   * deck has no default rate and nothing matches.
   */
  rateFor(call: DialledDestination): CallRate | null {
    if (this.deck === null) return this.defaultRate;
    const e164 = normaliseDestination(call.destination, call.phoneNumber ?? '');
    return (e164 !== null ? this.deck.deck.rateFor(e164) : null) ?? this.defaultRate;
  }

  /** Billed seconds by the increment, and the charge at `rate` with the connect fee (6 decimals). */
  rate(durationSeconds: number, rate: CallRate): CallRating {
    const billedSeconds = this.increment.billedSeconds(durationSeconds);
    return { rate, billedSeconds, charge: this.charge(billedSeconds, rate.ratePerMinute) };
  }

  /**
   * What `billedSeconds` cost at `ratePerMinute`, connect fee included. Remembered per rate and
   * billed seconds: a rate prices calls of a few hundred distinct lengths, and a charge (an
   * immutable Money) is the same exact amount whichever call asks.
   */
  charge(billedSeconds: number, ratePerMinute: Money): Money {
    const remembered = this.charges;
    let byBilledSeconds = remembered.byRate.get(ratePerMinute);
    let charge = byBilledSeconds?.get(billedSeconds);
    if (charge !== undefined) return charge;
    charge = callCharge(billedSeconds, ratePerMinute, this.connectFee);
    if (remembered.size >= REMEMBERED_CHARGES) {
      remembered.byRate = new WeakMap();
      remembered.size = 0;
      byBilledSeconds = undefined;
    }
    if (!byBilledSeconds) remembered.byRate.set(ratePerMinute, (byBilledSeconds = new Map<number, Money>()));
    byBilledSeconds.set(billedSeconds, charge);
    remembered.size += 1;
    return charge;
  }
}
