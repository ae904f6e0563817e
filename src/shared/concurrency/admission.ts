/**
 * Lets at most `maxInFlight` holders in at once and queues the others in arrival order. A holder
 * calls `leave` when done. Calling `leave` while still waiting gives up the place in the queue, and
 * `admitted` then answers false. Leaving twice counts once.
 */
export class Admission {
  private inside = 0;
  private readonly queue: Ticket[] = [];

  constructor(readonly maxInFlight: number) {
    if (!Number.isInteger(maxInFlight) || maxInFlight < 1)
      throw new RangeError(`maxInFlight must be a positive integer, not ${maxInFlight}`);
  }

  /** Holders inside now. */
  get inFlight(): number {
    return this.inside;
  }

  /** Holders waiting for a place. */
  get waiting(): number {
    return this.queue.length;
  }

  enter(): { admitted: Promise<boolean>; leave: () => void } {
    let answer!: (admitted: boolean) => void;
    const admitted = new Promise<boolean>((resolve) => (answer = resolve));
    const ticket: Ticket = {
      state: 'waiting',
      admit: () => {
        ticket.state = 'inside';
        this.inside += 1;
        answer(true);
      },
    };
    if (this.inside < this.maxInFlight) ticket.admit();
    else this.queue.push(ticket);
    const leave = () => {
      if (ticket.state === 'waiting') {
        this.queue.splice(this.queue.indexOf(ticket), 1);
        answer(false);
      } else if (ticket.state === 'inside') {
        this.inside -= 1;
        this.queue.shift()?.admit();
      }
      ticket.state = 'left';
    };
    return { admitted, leave };
  }
}

interface Ticket {
  state: 'waiting' | 'inside' | 'left';
  admit: () => void;
}
