import { Temporal } from '@js-temporal/polyfill';
import { BillingPeriod } from './billing-period';
import { TimeZone } from './time-zone';

/**
 * Every zone the runtime knows, every month from 1970-01 to 2037-12, against an independent
 * computation: Temporal's startOfDay() of the 1st (the @js-temporal/polyfill, which shares no code
 * with BillingPeriod). Its own Jest project (`npm run test:tz-database`), run by `npm test`.
 */
const ZONES = [...new Set([...Intl.supportedValuesOf('timeZone'), 'UTC'])];
const FIRST_YEAR = 1970;
const LAST_YEAR = 2037;

const code = (year: number, month: number) => `${year}-${String(month).padStart(2, '0')}`;
const iso = (ms: number) => new Date(ms).toISOString();

/** The oracle: the first instant of the local 1st, by Temporal. */
function startOfFirst(zone: string, year: number, month: number): number {
  return Temporal.ZonedDateTime.from({ year, month, day: 1, timeZone: zone }).startOfDay().epochMilliseconds;
}

/** Every way a zone's periods break the rule, as readable lines (none expected). */
function violationsIn(name: string): string[] {
  const zone = TimeZone.of(name);
  const violations: string[] = [];
  let expectedStart = startOfFirst(name, FIRST_YEAR, 1);
  for (let year = FIRST_YEAR; year <= LAST_YEAR; year++) {
    for (let month = 1; month <= 12; month++) {
      const period = BillingPeriod.parse(code(year, month), zone);
      const expectedEnd =
        month === 12 ? startOfFirst(name, year + 1, 1) : startOfFirst(name, year, month + 1);
      const [start, end] = [period.start.getTime(), period.end.getTime()];
      if (start !== expectedStart)
        violations.push(`${period.code} starts ${iso(start)}, not ${iso(expectedStart)}`);
      if (end !== expectedEnd) violations.push(`${period.code} ends ${iso(end)}, not ${iso(expectedEnd)}`);
      if (period.next().start.getTime() !== end)
        violations.push(`${period.code} does not meet the next period`);
      // The end first: the period is then worked out afresh, not found among those just asked about.
      const atEnd = BillingPeriod.containing(new Date(end - 1), zone);
      const atStart = BillingPeriod.containing(new Date(start), zone);
      if (!atEnd.equals(period))
        violations.push(`${iso(end - 1)} is put in ${atEnd.code}, not ${period.code}`);
      if (!atStart.equals(period))
        violations.push(`${iso(start)} is put in ${atStart.code}, not ${period.code}`);
      expectedStart = expectedEnd;
    }
  }
  return violations;
}

describe('BillingPeriod across the whole time zone database (1970-01 to 2037-12)', () => {
  it('knows hundreds of zones, UTC included', () => {
    expect(ZONES.length).toBeGreaterThan(300);
    expect(ZONES).toContain('UTC');
    expect(ZONES).toEqual(expect.arrayContaining(['America/Managua', 'America/Asuncion', 'Pacific/Apia']));
  });

  it.each(ZONES)('starts and ends every period of %s where Temporal says, meeting the next', (zone) => {
    expect(violationsIn(zone)).toEqual([]);
  });
});
