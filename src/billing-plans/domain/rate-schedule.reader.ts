import { DateTime } from 'luxon';
import { Money } from '../../shared/domain/money';
import { BillingIncrement } from './billing-increment';
import type { PlanSettingsReader } from './plan-settings.reader';
import { RateSchedule, type RateVersion } from './rate-schedule';
import {
  isObject,
  ownSettings,
  readTariffChanges,
  type RatingSettingsSource,
} from './rating-settings.reader';
import { Tariff, type TariffSettings } from './tariff';

/** An ISO 8601 instant with its offset written out (`Z` or `+01:00`): never a local time. */
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
const VERSION_SETTINGS = new Set([
  'effectiveFrom',
  'ratePerMinute',
  'billingIncrement',
  'connectFee',
  'destinations',
  'destinationsFile',
]);

export interface RateScheduleRules {
  /** Every rate above zero (prepaid: a balance must run out). */
  positiveRates: boolean;
}

/**
 * A per-minute plan's prices from its settings: `ratePerMinute`, `billingIncrement` (default
 * 60/60), `connectFee` (default "0"), `destinations` or `destinationsFile`, and dated `versions`
 * (`effectiveFrom` strictly increasing; each lists what it changes, the rest carries over; a deck
 * it gives replaces the deck whole). Every version must price something: a default rate or a deck.
 * @throws InvalidPlanCatalogError naming the plan and the setting (`versions[1].connectFee`,
 *   `destinations[3]`, a file and its line).
 */
export function readRateSchedule(settings: PlanSettingsReader, rules: RateScheduleRules): RateSchedule {
  const own = ownSettings(settings);
  const first = readTariffChanges(own);
  let tariff = checkedTariff(own, rules, {
    ratePerMinute: first.ratePerMinute ?? null,
    increment: first.increment ?? BillingIncrement.PER_STARTED_MINUTE,
    connectFee: first.connectFee ?? Money.zero(own.currency),
    deck: first.deck ?? null,
  });
  const versions: RateVersion[] = [{ effectiveFrom: null, tariff }];
  const listed = settings.value('versions');
  if (listed === undefined) return new RateSchedule(versions);
  if (!Array.isArray(listed))
    throw settings.invalid('versions', 'must be a list of { "effectiveFrom", ...what changes }');
  listed.forEach((raw: unknown, index) => {
    const source = versionSource(own, raw, index);
    const effectiveFrom = readEffectiveFrom(source, versions[versions.length - 1].effectiveFrom);
    const changes = readTariffChanges(source);
    if (Object.keys(changes).length === 0)
      throw settings.invalid(
        `versions[${index}]`,
        'changes nothing: give ratePerMinute, billingIncrement, connectFee, destinations or destinationsFile',
      );
    tariff = checkedTariff(source, rules, { ...settingsOf(tariff), ...changes });
    versions.push({ effectiveFrom, tariff });
  });
  return new RateSchedule(versions);
}

function versionSource(own: RatingSettingsSource, raw: unknown, index: number): RatingSettingsSource {
  const name = `versions[${index}]`;
  if (!isObject(raw))
    throw own.settings.invalid(name, 'must be an object: { "effectiveFrom", ...what changes }');
  const unknown = Object.keys(raw).find((key) => !VERSION_SETTINGS.has(key));
  if (unknown !== undefined)
    throw own.settings.invalid(`${name}.${unknown}`, 'is not a setting of a rate version');
  return {
    ...own,
    get: (setting) => (Object.hasOwn(raw, setting) ? raw[setting] : undefined),
    field: (setting) => `${name}.${setting}`,
  };
}

function readEffectiveFrom(source: RatingSettingsSource, previous: Date | null): Date {
  const raw = source.get('effectiveFrom');
  const parsed =
    typeof raw === 'string' && INSTANT.test(raw) ? DateTime.fromISO(raw, { setZone: true }) : null;
  if (!parsed?.isValid)
    throw source.settings.invalid(
      source.field('effectiveFrom'),
      'must be an ISO 8601 instant with its offset, such as "2027-01-01T00:00:00Z"',
    );
  const instant = parsed.toJSDate();
  if (previous !== null && instant.getTime() <= previous.getTime())
    throw source.settings.invalid(
      source.field('effectiveFrom'),
      `must be later than the previous version's ${previous.toISOString()}`,
    );
  return instant;
}

function checkedTariff(
  source: RatingSettingsSource,
  rules: RateScheduleRules,
  settings: TariffSettings,
): Tariff {
  const { ratePerMinute, deck } = settings;
  if (ratePerMinute === null && deck === null)
    throw source.settings.invalid(
      source.field('ratePerMinute'),
      'is required unless calls are priced by destinations (destinations or destinationsFile)',
    );
  if (rules.positiveRates) {
    if (ratePerMinute?.isZero())
      throw source.settings.invalid(source.field('ratePerMinute'), 'must be above zero');
    const free = deck?.deck.firstFreeEntry();
    if (free && deck)
      throw deck.file === null
        ? source.settings.invalid(free.where, 'ratePerMinute must be above zero on a prepaid plan')
        : source.settings.invalid(
            source.field('destinationsFile'),
            `${deck.file} ${free.where}: ratePerMinute must be above zero on a prepaid plan`,
          );
  }
  return new Tariff(settings);
}

function settingsOf(tariff: Tariff): TariffSettings {
  const { ratePerMinute, increment, connectFee, deck } = tariff;
  return { ratePerMinute, increment, connectFee, deck };
}
