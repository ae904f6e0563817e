import type { CustomerTarget } from './invoice.repository';

/** Issues one batch of targets; must not reject. */
export type IssueBatch = (batch: CustomerTarget[]) => Promise<void>;

/**
 * One of the monthly run's lanes: batches issued one after the other, each in its own transaction,
 * while the lanes run side by side. A customer's targets all go to one lane, oldest period first:
 * the k-th target of each customer waits in round k, and a batch of round k is only handed over
 * after every target of earlier rounds, so a customer's older invoice is committed before its newer
 * one is issued (late calls go on the next invoice, numbers follow the periods).
 */
export class InvoicingLane {
  private readonly rounds: CustomerTarget[][] = [];
  private readonly queued: Promise<void>[] = [];
  private tail: Promise<void> = Promise.resolve();

  constructor(private readonly batchSize: number) {}

  /** One customer's due targets, oldest period first. */
  add(targets: CustomerTarget[]): void {
    targets.forEach((target, round) => (this.rounds[round] ??= []).push(target));
  }

  /** Hands over every full batch, in round order. */
  submitFull(issue: IssueBatch): void {
    this.rounds.forEach((pending, round) => {
      while (pending.length >= this.batchSize) {
        this.submitRounds(round, issue);
        this.submit(issue, pending.splice(0, this.batchSize));
      }
    });
  }

  /** Hands over everything still waiting, in round order. */
  submitRest(issue: IssueBatch): void {
    this.submitRounds(this.rounds.length, issue);
  }

  async settleUntilQueued(count: number): Promise<void> {
    while (this.queued.length > count) await this.queued.shift();
  }

  /** Every waiting target of the rounds before `round`, even in part-filled batches. */
  private submitRounds(round: number, issue: IssueBatch): void {
    for (const pending of this.rounds.slice(0, round)) {
      while (pending.length > 0) this.submit(issue, pending.splice(0, this.batchSize));
    }
  }

  private submit(issue: IssueBatch, batch: CustomerTarget[]): void {
    this.tail = this.tail.then(() => issue(batch));
    this.queued.push(this.tail);
  }
}
