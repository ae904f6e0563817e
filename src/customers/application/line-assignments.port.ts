/**
 * Port: what follows the assignment of a line, once it has committed: the calls held in suspense
 * for that number are retried (API.md, "Suspense"). Declared here, implemented by the suspense
 * module (global, plugged in by the application), so customers never imports suspense, which
 * reads customers through calls.
 */
export abstract class LineAssignments {
  /** Called after the assignment of `number` (E.164) committed; never throws for a failed retry. */
  abstract assigned(number: string): Promise<void>;
}
