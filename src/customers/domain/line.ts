import {
  LineNotFoundError,
  ReleaseBeforeLastCallError,
  ReleaseBeforeLineStartError,
} from './customer.errors';

/**
 * A customer's hold on a phone number over a half-open range of time `[from, until)`: `from` null
 * means since always (a line assigned without `from`, or migrated from before line history),
 * `until` null means still held. A call belongs to the line whose range contains its start.
 */
export interface Line {
  number: string;
  customerId: string;
  from: Date | null;
  until: Date | null;
}

/** Whether the line held its number at this instant (`from <= instant < until`). */
export function heldAt(line: Pick<Line, 'from' | 'until'>, instant: Date): boolean {
  const t = instant.getTime();
  return (
    (line.from === null || line.from.getTime() <= t) && (line.until === null || t < line.until.getTime())
  );
}

/** Whether two ranges share an instant. */
export function overlaps(a: Pick<Line, 'from' | 'until'>, b: Pick<Line, 'from' | 'until'>): boolean {
  const startsBeforeBEnds = a.from === null || b.until === null || a.from.getTime() < b.until.getTime();
  const startsBeforeAEnds = b.from === null || a.until === null || b.from.getTime() < a.until.getTime();
  return startsBeforeBEnds && startsBeforeAEnds;
}

/** Whether `outer` holds the number at every instant `inner` does. */
export function covers(outer: Pick<Line, 'from' | 'until'>, inner: Pick<Line, 'from' | 'until'>): boolean {
  const startsBefore =
    outer.from === null || (inner.from !== null && outer.from.getTime() <= inner.from.getTime());
  const endsAfter =
    outer.until === null || (inner.until !== null && inner.until.getTime() <= outer.until.getTime());
  return startsBefore && endsAfter;
}

/** Whether the line is not released by `now` (held now, or assigned from a later instant). */
export function openAt(line: Pick<Line, 'until'>, now: Date): boolean {
  return line.until === null || now.getTime() < line.until.getTime();
}

/**
 * The one rule for who is charged: among a number's lines, the one held when the call started.
 * The database allows at most one (exclusion constraint); null when the number had no owner then.
 */
export function ownerAt<L extends Pick<Line, 'from' | 'until'>>(
  lines: readonly L[],
  startedAt: Date,
): L | null {
  return lines.find((line) => heldAt(line, startedAt)) ?? null;
}

/** What assigning `number` to `customerId` from `from` on does, given the number's lines. */
export type Assignment =
  { kind: 'new' } | { kind: 'already-theirs'; line: Line } | { kind: 'taken'; line: Line };

/**
 * Assigning is always open-ended (`[from, ∞)`). Already held by the customer over that whole range:
 * nothing to do. Any other line of the number over an instant of it (another customer's, or one of
 * this customer's that does not cover it): taken. Otherwise a new line.
 */
export function judgeAssignment(lines: readonly Line[], customerId: string, from: Date | null): Assignment {
  const wanted = { from, until: null };
  const own = lines.find((line) => line.customerId === customerId && covers(line, wanted));
  if (own) return { kind: 'already-theirs', line: own };
  const clash = lines.find((line) => overlaps(line, wanted));
  return clash ? { kind: 'taken', line: clash } : { kind: 'new' };
}

/**
 * The line that releasing `number` of `customerId` at `at` closes: the customer's line of it with no
 * `until`. Throws LineNotFoundError when there is none, ReleaseBeforeLineStartError when `at` is not
 * after its `from` (the range would be empty), ReleaseBeforeLastCallError when a call recorded for
 * it started at or after `at` (that call would lose its owner).
 */
export function judgeRelease(
  lines: readonly Line[],
  customerId: string,
  number: string,
  at: Date,
  lastCallStart: Date | null,
): Line {
  const line = lines.find((candidate) => candidate.customerId === customerId && candidate.until === null);
  if (!line) throw new LineNotFoundError(customerId, number);
  if (line.from !== null && at.getTime() <= line.from.getTime())
    throw new ReleaseBeforeLineStartError(number, line.from);
  if (lastCallStart !== null && at.getTime() <= lastCallStart.getTime())
    throw new ReleaseBeforeLastCallError(number, lastCallStart);
  return line;
}
