/** One plan and the first period it is in force (null: since the customer exists). */
export interface PlanEntry {
  plan: string;
  from: string | null;
}

/**
 * The plans a customer has been on, oldest first. Changes take effect on the first day of a
 * period, never mid-period, so "the plan in force" is a lookup by period code (YYYY-MM sorts).
 */
export class PlanHistory {
  private constructor(readonly entries: readonly PlanEntry[]) {}

  static startingWith(plan: string): PlanHistory {
    return new PlanHistory([{ plan, from: null }]);
  }

  static fromStored(entries: PlanEntry[]): PlanHistory {
    return new PlanHistory(entries);
  }

  inForceDuring(period: string): string {
    let plan = this.entries[0].plan;
    for (const entry of this.entries) {
      if (entry.from === null || entry.from <= period) plan = entry.plan;
    }
    return plan;
  }

  /** The plans in force during `period` or any later one: the one in force then, and every change after it. */
  plansFrom(period: string): string[] {
    const later = this.entries.filter((entry) => entry.from !== null && entry.from > period);
    return [...new Set([this.inForceDuring(period), ...later.map((entry) => entry.plan)])];
  }

  /** The change waiting for a later period than `current`, if any. */
  pendingAfter(current: string): PlanEntry | null {
    const last = this.entries[this.entries.length - 1];
    return last.from !== null && last.from > current ? last : null;
  }

  /** Schedules `plan` from `from` on, replacing any change not yet in force. */
  changeTo(plan: string, from: string): PlanHistory {
    const kept = this.entries.filter((entry) => entry.from === null || entry.from < from);
    const withoutNoop = new PlanHistory(kept);
    if (withoutNoop.inForceDuring(from) === plan) return withoutNoop;
    return new PlanHistory([...kept, { plan, from }]);
  }
}
