/**
 * Micro-benchmark of call rating: ns per `rateCall` with the default plan and with a generated
 * 50,000-prefix destination deck. Not a test (Jest does not run it); run it on a quiet machine:
 *
 *   node_modules/.bin/node --expose-gc --import tsx test/billing-plans/rating.micro-bench.ts
 *
 * The deck is generated here (realistic country codes and national lengths), never committed.
 */
import { TimeZone } from '../../src/shared/domain/time-zone';
import type { BillingPlan } from '../../src/billing-plans/domain/billing-plan';
import { ratePerStartedMinute, type CallToRate } from '../../src/billing-plans/domain/call-rating';
import { Money } from '../../src/shared/domain/money';
import { PlanCatalog } from '../../src/billing-plans/domain/plan-catalog';
import { DestinationDeck, type DeckRow } from '../../src/billing-plans/domain/destination-deck';
import { normaliseDestination } from '../../src/billing-plans/domain/destination-number';

const DECK_SIZE = 50_000;
const CALLS = 200_000;
const RUNS = 7;

/** Country calling code → length of its national numbers (what libphonenumber finds possible). */
const COUNTRIES: [string, number][] = [
  ['1', 10],
  ['44', 10],
  ['49', 11],
  ['33', 9],
  ['34', 9],
  ['351', 9],
  ['39', 10],
  ['55', 11],
  ['91', 10],
  ['86', 11],
  ['61', 9],
  ['52', 10],
  ['27', 9],
  ['81', 10],
  ['7', 10],
];

/** A small deterministic PRNG (mulberry32), so every run rates the same calls. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const next = random(16);
const digits = (count: number) => Array.from({ length: count }, () => Math.floor(next() * 10)).join('');
const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)];
/** A national number of the country, not starting with 0 (a trunk prefix in many countries). */
const national = (length: number) => `${1 + Math.floor(next() * 9)}${digits(length - 1)}`;

function generatedDeck(): DeckRow[] {
  const prefixes = new Set<string>(COUNTRIES.map(([code]) => `+${code}`));
  while (prefixes.size < DECK_SIZE) {
    const [code, length] = pick(COUNTRIES);
    prefixes.add(`+${code}${national(length).slice(0, 1 + Math.floor(next() * 6))}`);
  }
  return [...prefixes].map((prefix, index) => ({
    where: `line ${index + 2}`,
    prefix,
    group: `Zone ${index % 250}`,
    ratePerMinute: `0.0${1 + (index % 9)}`,
  }));
}

function calls(destinations: () => string | null): CallToRate[] {
  const timezone = TimeZone.of('Europe/Lisbon');
  const startedAt = new Date('2026-10-05T14:03:00Z');
  return Array.from({ length: CALLS }, () => ({
    durationSeconds: 1 + Math.floor(next() * 600),
    destination: destinations(),
    startedAt,
    phoneNumber: '+351912345678',
    timezone,
  }));
}

interface Scenario {
  label: string;
  run: () => { count: number; work: () => number };
}

/**
 * Median CPU ns per item of each scenario over `RUNS` rounds, the scenarios taking turns in each
 * round (after a warm-up round), with a garbage collection before each pass when `--expose-gc` is
 * given. CPU time (user + system) rather than wall time: other work on a shared machine counts less.
 */
function measure(scenarios: Scenario[]): number[] {
  const gc = (globalThis as { gc?: () => void }).gc;
  let sink = 0;
  const pass = (scenario: Scenario) => {
    const { count, work } = scenario.run();
    gc?.();
    const start = process.cpuUsage();
    sink += work();
    const used = process.cpuUsage(start);
    return ((used.user + used.system) * 1000) / count;
  };
  scenarios.forEach(pass);
  const times = scenarios.map(() => [] as number[]);
  for (let round = 0; round < RUNS; round++)
    scenarios.forEach((scenario, index) => times[index].push(pass(scenario)));
  return times.map((list, index) => {
    const median = list.sort((a, b) => a - b)[Math.floor(RUNS / 2)];
    console.log(`${scenarios[index].label.padEnd(70)} ${median.toFixed(0).padStart(6)} ns`);
    if (index === times.length - 1) console.log(`(sink ${sink % 10})`);
    return median;
  });
}

/** Rates every call of `list()` (a new list per pass when it makes one). */
const ratingAll =
  (plan: BillingPlan, list: () => readonly CallToRate[]): Scenario['run'] =>
  () => {
    const calls = list();
    return {
      count: calls.length,
      work: () => {
        let billed = 0;
        for (const call of calls) billed += plan.rateCall(call).billedSeconds;
        return billed;
      },
    };
  };

const deckRows = generatedDeck();
const deckPlan = {
  type: 'postpaid',
  currency: 'USD',
  ratePerMinute: '0.02',
  billingIncrement: { firstSeconds: 60, nextSeconds: 1 },
};
const catalog = PlanCatalog.fromConfiguration(
  {
    flat_rate: { type: 'postpaid', currency: 'USD', ratePerMinute: '0.02' },
    per_second: deckPlan,
    deck: { ...deckPlan, destinationsFile: 'generated.csv' },
  },
  'flat_rate',
  undefined,
  () => deckRows,
);
const e164 = () => {
  const [code, length] = pick(COUNTRIES);
  return `+${code}${national(length)}`;
};
const repeated = Array.from({ length: 1000 }, e164);
const withRepeats = calls(() => pick(repeated));
const repeatedNational = Array.from({ length: 1000 }, () => `9${digits(8)}`);
const nationalForms = calls(() => pick(repeatedNational));
const fresh = Array.from({ length: RUNS + 1 }, () => calls(e164));
let freshPass = 0;
const possible = fresh[0].filter((call) => normaliseDestination(call.destination, call.phoneNumber) !== null);
const deck = DestinationDeck.fromRows(deckRows, 'USD');
const destinations = fresh[0].map((call) => call.destination!);

console.log(
  `Node ${process.version}; ${DECK_SIZE} prefixes; ${CALLS} calls per pass; median of ${RUNS} passes`,
);
console.log(
  `${((100 * possible.length) / CALLS).toFixed(1)}% of the generated destinations are possible numbers`,
);
const before16 = { group: 'default', ratePerMinute: Money.of('0.02', 'USD') };
const [base, , repeating, allNew] = measure([
  {
    label: 'rateCall, default plan (one rate, 60/60, no deck)',
    run: ratingAll(catalog.get('flat_rate'), () => withRepeats),
  },
  {
    label: 'rateCall, one rate at 60/1 (charges of seconds), no deck',
    run: ratingAll(catalog.get('per_second'), () => withRepeats),
  },
  {
    label: 'rateCall, 50,000-prefix deck, 60/1, 1,000 E.164 destinations repeating',
    run: ratingAll(catalog.get('deck'), () => withRepeats),
  },
  {
    label: 'rateCall, 50,000-prefix deck, 60/1, every E.164 destination new',
    run: ratingAll(catalog.get('deck'), () => fresh[freshPass++ % fresh.length]),
  },
  {
    label: 'rateCall, 50,000-prefix deck, 60/1, 1,000 national forms repeating',
    run: ratingAll(catalog.get('deck'), () => nationalForms),
  },
  {
    label: 'before #16: ratePerStartedMinute (what the default plan ran)',
    run: () => ({
      count: withRepeats.length,
      work: () =>
        withRepeats.reduce((billed, call) => billed + ratePerStartedMinute(call, before16).billedSeconds, 0),
    }),
  },
  {
    label: 'longest-prefix lookup alone, 50,000-prefix deck',
    run: () => ({
      count: destinations.length,
      work: () => destinations.reduce((found, destination) => found + (deck.rateFor(destination) ? 1 : 0), 0),
    }),
  },
]);
console.log(
  `deck / default: ${(repeating / base).toFixed(2)}x (repeating destinations), ${(allNew / base).toFixed(2)}x (new ones)`,
);
