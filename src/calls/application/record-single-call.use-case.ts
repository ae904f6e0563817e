import { Injectable } from '@nestjs/common';
import { Coalescer } from '../../shared/concurrency/coalescer';
import { CallOutcome, RecordCallsUseCase } from './record-calls.use-case';

/**
 * One call from the switch, recorded by the batch use case together with the single calls that
 * arrive while earlier ones are being stored: under load, one owner lookup, one INSERT and one
 * commit serve many requests; alone, a call is stored at once. Each call keeps its own outcome.
 */
@Injectable()
export class RecordSingleCallUseCase {
  private readonly coalescer: Coalescer<unknown, CallOutcome>;

  constructor(recordCalls: RecordCallsUseCase) {
    // Two groups in flight: one in PostgreSQL while the service judges the next. With four, 32
    // concurrent requests went in groups of ~5 and PostgreSQL spent 510-550 µs per call on the
    // groups' statements and commits; with two, 275-330 µs (issue 20, bench/README.md).
    this.coalescer = new Coalescer((inputs) => recordCalls.execute(inputs), {
      maxInFlight: 2,
      maxGroupSize: 1_000,
    });
  }

  execute(input: unknown): Promise<CallOutcome> {
    return this.coalescer.submit(input);
  }
}
