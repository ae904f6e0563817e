import { Clock } from './clock';
import { FixedClock } from './fixed-clock';
import { SystemClock } from './system-clock';

describe('FixedClock', () => {
  it('stands still until told to move', () => {
    const clock = new FixedClock('2026-10-31T23:59:59.999Z');
    expect(clock.now().toISOString()).toBe('2026-10-31T23:59:59.999Z');
    expect(clock.now().toISOString()).toBe('2026-10-31T23:59:59.999Z');
    clock.advance(1);
    expect(clock.now().toISOString()).toBe('2026-11-01T00:00:00.000Z');
    clock.set(new Date('2027-01-01T00:00:00Z'));
    expect(clock.now().toISOString()).toBe('2027-01-01T00:00:00.000Z');
  });

  it('hands out copies, so a caller cannot move it', () => {
    const initial = new Date('2026-10-01T00:00:00Z');
    const clock = new FixedClock(initial);
    initial.setUTCFullYear(2000);
    clock.now().setUTCFullYear(2000);
    expect(clock.now().toISOString()).toBe('2026-10-01T00:00:00.000Z');
  });

  it('refuses an instant that is not one', () => {
    expect(() => new FixedClock('not a date')).toThrow(RangeError);
  });

  it('stands in for the Clock port', () => {
    expect(new FixedClock('2026-10-01T00:00:00Z')).toBeInstanceOf(Clock);
    expect(new SystemClock()).toBeInstanceOf(Clock);
  });
});

describe('SystemClock', () => {
  it('reads the current time', () => {
    const before = Date.now();
    const now = new SystemClock().now().getTime();
    expect(now).toBeGreaterThanOrEqual(before);
    expect(now).toBeLessThanOrEqual(Date.now());
  });
});
