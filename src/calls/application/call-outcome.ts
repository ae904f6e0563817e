import type { DomainError } from '../../shared/domain/domain-error';
import type { CallOutcomeCounts, CallSource } from '../../shared/metrics/call-ingestion.metrics';
import type { Call } from '../domain/call';

export type CallOutcome =
  | { status: 'created'; call: Call }
  | { status: 'duplicate'; call: Call }
  /** `suspendedCallId`: refused (422) but held in suspense, never lost (API.md, "Suspense"). */
  | { status: 'rejected'; error: DomainError; callId: string | null; suspendedCallId?: string };

/** The outcome of each record of a batch, by index, as they are judged. */
export class JudgedRecords {
  private readonly outcomes: (CallOutcome | null)[];

  constructor(size: number) {
    this.outcomes = new Array<CallOutcome | null>(size).fill(null);
  }

  has(index: number): boolean {
    return this.outcomes[index] !== null;
  }

  set(index: number, outcome: CallOutcome): void {
    this.outcomes[index] = outcome;
  }

  all(): CallOutcome[] {
    return this.outcomes as CallOutcome[];
  }
}

/** One tally per source kind per batch or coalesced group: the metrics port is called once each. */
export function countBySource(
  outcomes: CallOutcome[],
  sourceOf: (index: number) => CallSource,
): Map<CallSource, CallOutcomeCounts> {
  const tallies = new Map<CallSource, Record<'recorded' | 'duplicate' | 'rejected' | 'suspended', number>>();
  outcomes.forEach((outcome, index) => {
    const source = sourceOf(index);
    let counts = tallies.get(source);
    if (!counts) tallies.set(source, (counts = { recorded: 0, duplicate: 0, rejected: 0, suspended: 0 }));
    counts[labelOf(outcome)] += 1;
  });
  return tallies;
}

function labelOf(outcome: CallOutcome): 'recorded' | 'duplicate' | 'rejected' | 'suspended' {
  if (outcome.status === 'created') return 'recorded';
  if (outcome.status === 'duplicate') return 'duplicate';
  return outcome.suspendedCallId === undefined ? 'rejected' : 'suspended';
}
