import fc from 'fast-check';
import { BillingIncrement } from './billing-increment';

const increment = (first: number, next: number) => new BillingIncrement(first, next);

describe('BillingIncrement', () => {
  it.each([
    // [first, next, duration, billed]
    [60, 60, 1, 60],
    [60, 60, 60, 60],
    [60, 60, 61, 120],
    [60, 60, 120, 120],
    [60, 60, 121, 180],
    [60, 1, 1, 60],
    [60, 1, 60, 60],
    [60, 1, 61, 61],
    [60, 1, 62, 62],
    [30, 6, 29, 30],
    [30, 6, 30, 30],
    [30, 6, 31, 36],
    [30, 6, 36, 36],
    [30, 6, 37, 42],
    [30, 6, 42, 42],
    [1, 1, 1, 1],
    [1, 1, 2, 2],
    [1, 1, 86_400, 86_400],
  ])('at %i/%i bills a call of %i seconds as %i seconds', (first, next, duration, billed) => {
    expect(increment(first, next).billedSeconds(duration)).toBe(billed);
  });

  it('bills the first increment whole however short the call, and each next one whole once started', () => {
    const tariff = increment(60, 30);
    expect(tariff.billedSeconds(1)).toBe(60);
    expect(tariff.billedSeconds(60)).toBe(60); // duration = first
    expect(tariff.billedSeconds(61)).toBe(90); // first + 1
    expect(tariff.billedSeconds(90)).toBe(90); // first + one next
    expect(tariff.billedSeconds(150)).toBe(150); // first + a multiple of next
    expect(tariff.billedSeconds(151)).toBe(180);
  });

  it('is the formula of the contract for every increment and duration', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 3600 }),
        fc.integer({ min: 1, max: 3600 }),
        fc.integer({ min: 1, max: 86_400 }),
        (first, next, duration) => {
          const expected = duration <= first ? first : first + Math.ceil((duration - first) / next) * next;
          expect(increment(first, next).billedSeconds(duration)).toBe(expected);
        },
      ),
    );
  });

  it('never bills less than the duration, nor a whole step more than needed, and more for longer calls', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 600 }),
        fc.integer({ min: 1, max: 600 }),
        fc.integer({ min: 1, max: 86_400 }),
        fc.integer({ min: 0, max: 3600 }),
        (first, next, duration, more) => {
          const tariff = increment(first, next);
          const billed = tariff.billedSeconds(duration);
          expect(billed).toBeGreaterThanOrEqual(duration);
          expect(billed - duration).toBeLessThan(Math.max(first, next));
          expect(tariff.billedSeconds(duration + more)).toBeGreaterThanOrEqual(billed);
        },
      ),
    );
  });

  it('knows when every bill is whole minutes', () => {
    expect(increment(60, 60).billsWholeMinutes).toBe(true);
    expect(increment(120, 60).billsWholeMinutes).toBe(true);
    expect(increment(60, 1).billsWholeMinutes).toBe(false);
  });

  it.each([
    [0, 60],
    [60, 0],
    [1.5, 1],
    [-1, 1],
  ])('refuses %p/%p', (first, next) => {
    expect(() => increment(first, next)).toThrow(RangeError);
  });
});
