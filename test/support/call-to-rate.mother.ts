import type { CallToRate } from '../../src/billing-plans';
import { TimeZone } from '../../src/shared/domain/time-zone';

/**
 * A call as a plan rates it, in one line: `aCallToRate({ minutes: 3 })`. A weekday (Monday
 * 2026-10-05, 14:03 UTC) from a Lisbon customer's line, without a destination, unless overridden.
 */
export function aCallToRate(
  overrides: Partial<Omit<CallToRate, 'timezone'>> & { minutes?: number; timezone?: string } = {},
): CallToRate {
  const { minutes, timezone, ...rest } = overrides;
  return {
    durationSeconds: minutes === undefined ? 180 : minutes * 60,
    destination: null,
    startedAt: new Date('2026-10-05T14:03:00Z'),
    phoneNumber: '+351912345678',
    timezone: TimeZone.of(timezone ?? 'Europe/Lisbon'),
    ...rest,
  };
}
