// #region README: src/billing-plans/domain/weekend-free.plan.ts
import { DateTime } from 'luxon';
import { Money } from '../../shared/domain/money';
import { ratePerStartedMinute, type CallRating, type CallToRate } from './call-rating';
import { PerMinutePlan } from './per-minute.plan';

/** Per-minute on weekdays; free when a call starts on a Saturday or Sunday in the customer's zone. */
export class WeekendFreePlan extends PerMinutePlan {
  static readonly type = 'weekend-free';
  readonly type = WeekendFreePlan.type;
  private readonly weekend = { group: 'weekend', ratePerMinute: Money.zero(this.currency) };

  constructor(code: string, ratePerMinute: Money) {
    super(code, ratePerMinute);
  }

  override rateCall(call: CallToRate): CallRating {
    const day = DateTime.fromJSDate(call.startedAt, { zone: call.timezone.name }).weekday;
    return day >= 6 ? ratePerStartedMinute(call, this.weekend) : super.rateCall(call);
  }
}
// #endregion

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { aCallToRate } from '../../../test/support/call-to-rate.mother';
import type { UsageGroup } from './billing-plan';
import { InvalidPlanCatalogError } from './billing-plan.errors';
import { PlanCatalog } from './plan-catalog';
import { PLAN_TYPES, type PlanTypes } from './plan-types.registry';

/** The built-in registry plus the example's one line, as the README tells a developer to add it. */
const TYPES: PlanTypes = {
  ...PLAN_TYPES,
  // #region README: src/billing-plans/domain/plan-types.registry.ts
  [WeekendFreePlan.type]: (code, settings) => new WeekendFreePlan(code, settings.money('ratePerMinute')),
  // #endregion
};

const weekendFree = { type: 'weekend-free', ratePerMinute: '0.02', currency: 'USD' };
const postpaid = { type: 'postpaid', ratePerMinute: '0.02', currency: 'USD' };
const catalog = PlanCatalog.fromConfiguration({ postpaid, weekend: weekendFree }, 'weekend', TYPES);

/** The README's "Adding a plan type" code block. */
function readmeExample(): string {
  const readme = readFileSync(join(__dirname, '../../../README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('**Adding a plan type**'));
  const block = /```ts\n([\s\S]*?)```/.exec(section);
  if (!block) throw new Error('README.md has no ts code block after "**Adding a plan type**"');
  return block[1];
}

/** This file's README regions, each under a comment naming its file, as the README prints them. */
function thisFilesExample(): string {
  const source = readFileSync(__filename, 'utf8');
  const regions = [...source.matchAll(/^ *\/\/ #region README: (\S+)\n([\s\S]*?)^ *\/\/ #endregion\n/gm)];
  if (regions.length !== 2)
    throw new Error(`expected the class and the registration line, found ${regions.length}`);
  return regions.map(([, path, body]) => `// ${path}\n${body}`).join('\n');
}

describe('Adding a plan type, as the README shows it', () => {
  it('is the text of the README, line for line', () => {
    expect(thisFilesExample()).toBe(readmeExample());
  });

  it('is configured like any plan and described by GET /v1/plans', () => {
    expect(catalog.get('weekend').describe()).toEqual({
      code: 'weekend',
      type: 'weekend-free',
      ratePerMinute: '0.02',
      currency: 'USD',
    });
  });

  it('rates a weekday call at its rate, in the default group', () => {
    const rating = catalog
      .get('weekend')
      .rateCall(aCallToRate({ minutes: 3, startedAt: new Date('2026-10-05T14:03:00Z') }));
    expect(rating.rate.group).toBe('default');
    expect(rating.charge.toString()).toBe('0.06');
  });

  it('rates a call started on a weekend in the customer time zone at 0.00, in the weekend group', () => {
    // Friday 23:30 UTC is already Saturday 00:30 in Lisbon (summer time); Sunday 23:30 UTC is Monday there.
    const fridayNightUtc = aCallToRate({ minutes: 5, startedAt: new Date('2026-10-09T23:30:00Z') });
    const sundayNightUtc = aCallToRate({ minutes: 5, startedAt: new Date('2026-10-11T23:30:00Z') });
    const plan = catalog.get('weekend');
    expect(plan.rateCall(fridayNightUtc)).toMatchObject({ rate: { group: 'weekend' }, billedSeconds: 300 });
    expect(plan.rateCall(fridayNightUtc).charge.isZero()).toBe(true);
    const inUtc = aCallToRate({ minutes: 5, startedAt: fridayNightUtc.startedAt, timezone: 'UTC' });
    expect(plan.rateCall(inUtc).charge.toString()).toBe('0.10');
    expect(plan.rateCall(sundayNightUtc).charge.toString()).toBe('0.10');
  });

  it('bills a period from its calls: one usage line per rate', () => {
    const plan = catalog.get('weekend');
    const calls = [
      aCallToRate({ minutes: 3, startedAt: new Date('2026-10-05T14:03:00Z') }),
      aCallToRate({ minutes: 7, startedAt: new Date('2026-10-06T09:00:00Z') }),
      aCallToRate({ minutes: 5, startedAt: new Date('2026-10-10T12:00:00Z') }),
    ].map((call) => plan.rateCall(call));
    const usage: UsageGroup[] = [];
    for (const rating of calls) {
      const group = usage.find((seen) => seen.unitPrice.equals(rating.rate.ratePerMinute));
      if (group) {
        group.minutes += rating.billedSeconds / 60;
        group.callCount += 1;
      } else
        usage.push({
          unitPrice: rating.rate.ratePerMinute,
          minutes: rating.billedSeconds / 60,
          callCount: 1,
        });
    }
    const lines = plan.periodLines('2026-10', usage);
    expect(lines.map((line) => [line.kind, line.description, line.amount.toString()])).toEqual([
      ['usage', '5 minutes at 0.00 USD', '0.00'],
      ['usage', '10 minutes at 0.02 USD', '0.20'],
    ]);
  });

  it('gets its settings validated by the catalog: a bad rate or a setting it does not read stops start-up', () => {
    const refused = (spec: Record<string, unknown>, field: string) => {
      const build = () => PlanCatalog.fromConfiguration({ weekend: spec }, 'weekend', TYPES);
      expect(build).toThrow(InvalidPlanCatalogError);
      expect(build).toThrow(`Invalid billing plans: plan "weekend", field "${field}": `);
    };
    refused({ ...weekendFree, ratePerMinute: 0.02 }, 'ratePerMinute');
    refused({ ...weekendFree, includedMinutes: 100 }, 'includedMinutes');
  });

  it('is not a type of the shipped catalog: only this test registers it', () => {
    expect(() => PlanCatalog.fromConfiguration({ weekend: weekendFree }, 'weekend')).toThrow('field "type"');
  });
});
