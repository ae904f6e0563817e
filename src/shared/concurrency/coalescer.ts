/**
 * Runs single requests through a set-wise operation, coalescing the ones that arrive while earlier
 * groups are in flight ("natural batching"). Nothing waits on a timer: with fewer than
 * `maxInFlight` groups running, a request starts at once in a group of its own; under load, the
 * requests that queue up meanwhile share the next group, so one statement and one commit serve
 * many requests.
 *
 * `run` must answer one result per input, in input order. If it throws, every request of that
 * group gets the error.
 */
export class Coalescer<Input, Output> {
  private readonly queue: { input: Input; settle: Settle<Output> }[] = [];
  private inFlight = 0;

  constructor(
    private readonly run: (inputs: Input[]) => Promise<Output[]>,
    private readonly options: { maxInFlight: number; maxGroupSize: number },
  ) {}

  submit(input: Input): Promise<Output> {
    return new Promise<Output>((resolve, reject) => {
      this.queue.push({ input, settle: { resolve, reject } });
      this.dispatch();
    });
  }

  private dispatch(): void {
    while (this.inFlight < this.options.maxInFlight && this.queue.length > 0) {
      const group = this.queue.splice(0, this.options.maxGroupSize);
      this.inFlight += 1;
      void this.runGroup(group).finally(() => {
        this.inFlight -= 1;
        this.dispatch();
      });
    }
  }

  private async runGroup(group: { input: Input; settle: Settle<Output> }[]): Promise<void> {
    try {
      const outputs = await this.run(group.map((item) => item.input));
      if (outputs.length !== group.length) {
        throw new Error(`a coalesced run answered ${outputs.length} results for ${group.length} inputs`);
      }
      group.forEach((item, index) => item.settle.resolve(outputs[index]));
    } catch (error) {
      for (const item of group) item.settle.reject(error);
    }
  }
}

interface Settle<Output> {
  resolve: (output: Output) => void;
  reject: (error: unknown) => void;
}
