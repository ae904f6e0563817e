import fc from 'fast-check';
import {
  LineNotFoundError,
  ReleaseBeforeLastCallError,
  ReleaseBeforeLineStartError,
} from './customer.errors';
import { heldAt, judgeAssignment, judgeRelease, type Line, overlaps, ownerAt } from './line';

const NUMBER = '+351912345678';
const t = (hour: number): Date => new Date(Date.UTC(2026, 9, 1, hour));
const line = (customerId: string, from: number | null, until: number | null): Line => ({
  number: NUMBER,
  customerId,
  from: from === null ? null : t(from),
  until: until === null ? null : t(until),
});

describe('Line history', () => {
  it('holds a line from its from (inclusive) until its until (exclusive)', () => {
    const held = line('ada', 2, 5);
    expect([1, 2, 4, 5].map((hour) => heldAt(held, t(hour)))).toEqual([false, true, true, false]);
    expect(heldAt(line('ada', null, null), new Date(0))).toBe(true);
  });

  it('charges a call to the line held when it started, across a recycled number', () => {
    const lines = [line('ada', null, 5), line('bob', 5, null)];
    expect(ownerAt(lines, t(4))?.customerId).toBe('ada');
    expect(ownerAt(lines, t(5))?.customerId).toBe('bob');
    expect(ownerAt([line('ada', 3, 5)], t(2))).toBeNull();
  });

  it('takes ranges that only touch as not overlapping', () => {
    expect(overlaps(line('ada', null, 5), line('bob', 5, null))).toBe(false);
    expect(overlaps(line('ada', null, 6), line('bob', 5, null))).toBe(true);
  });

  describe('assigning', () => {
    it('is a new line for a number nobody holds, or held before the range starts', () => {
      expect(judgeAssignment([], 'ada', null)).toEqual({ kind: 'new' });
      expect(judgeAssignment([line('bob', null, 5)], 'ada', t(5))).toEqual({ kind: 'new' });
    });

    it("is already theirs when the customer's line covers the whole range", () => {
      expect(judgeAssignment([line('ada', 2, null)], 'ada', t(3)).kind).toBe('already-theirs');
      expect(judgeAssignment([line('ada', null, null)], 'ada', null).kind).toBe('already-theirs');
    });

    it('is taken when another line holds the number at any instant of the range', () => {
      expect(judgeAssignment([line('bob', null, 5)], 'ada', t(4)).kind).toBe('taken');
      expect(judgeAssignment([line('bob', 9, null)], 'ada', t(4)).kind).toBe('taken');
      expect(judgeAssignment([line('ada', 3, null)], 'ada', t(2)).kind).toBe('taken');
    });
  });

  describe('releasing', () => {
    it("closes the customer's open line", () => {
      expect(judgeRelease([line('bob', null, 2), line('ada', 2, null)], 'ada', NUMBER, t(4), t(3))).toEqual(
        line('ada', 2, null),
      );
    });

    it('refuses a number the customer holds no open line of', () => {
      expect(() => judgeRelease([line('ada', null, 2)], 'ada', NUMBER, t(4), null)).toThrow(
        LineNotFoundError,
      );
    });

    it('refuses an instant not after the line started', () => {
      expect(() => judgeRelease([line('ada', 4, null)], 'ada', NUMBER, t(4), null)).toThrow(
        ReleaseBeforeLineStartError,
      );
    });

    it('refuses an instant at or before its last recorded call', () => {
      expect(() => judgeRelease([line('ada', null, null)], 'ada', NUMBER, t(4), t(4))).toThrow(
        ReleaseBeforeLastCallError,
      );
    });
  });

  it('never has two owners of a number at one instant, whatever assignments and releases are accepted', () => {
    const customer = fc.constantFrom('ada', 'bob', 'cyd');
    const hour = fc.integer({ min: 0, max: 48 });
    const operation = fc.oneof(
      fc.record({ kind: fc.constant('assign' as const), customer, from: fc.option(hour) }),
      fc.record({ kind: fc.constant('release' as const), customer, at: hour }),
    );
    fc.assert(
      fc.property(
        fc.array(operation, { maxLength: 30 }),
        fc.array(hour, { minLength: 1 }),
        (operations, probes) => {
          let lines: Line[] = [];
          for (const op of operations) {
            if (op.kind === 'assign') {
              const judged = judgeAssignment(lines, op.customer, op.from === null ? null : t(op.from));
              if (judged.kind === 'new') lines.push(line(op.customer, op.from, null));
            } else {
              try {
                const closed = judgeRelease(lines, op.customer, NUMBER, t(op.at), null);
                lines = lines.map((l) => (l === closed ? { ...l, until: t(op.at) } : l));
              } catch {
                // refused: nothing changes
              }
            }
          }
          for (const probe of [...probes, ...probes.map((h) => h + 0.5)]) {
            const instant = new Date(t(0).getTime() + probe * 3_600_000);
            expect(lines.filter((l) => heldAt(l, instant)).length).toBeLessThanOrEqual(1);
          }
          for (const [i, a] of lines.entries())
            for (const b of lines.slice(i + 1)) expect(overlaps(a, b)).toBe(false);
        },
      ),
    );
  });
});
