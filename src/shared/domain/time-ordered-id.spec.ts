import { validate, version } from 'uuid';
import { timeOrderedId } from './time-ordered-id';

describe('time-ordered ids', () => {
  it('are version 7 UUIDs', () => {
    const id = timeOrderedId();
    expect(validate(id)).toBe(true);
    expect(version(id)).toBe(7);
  });

  it('sort in the order they were made, within a millisecond and across the random pool refills', () => {
    const ids = Array.from({ length: 5_000 }, () => timeOrderedId());
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('start with the millisecond they were made in', () => {
    const before = Date.now();
    const id = timeOrderedId();
    const msecs = parseInt(id.replaceAll('-', '').slice(0, 12), 16);
    expect(msecs).toBeGreaterThanOrEqual(before);
    expect(msecs).toBeLessThanOrEqual(Date.now() + 1);
  });
});
