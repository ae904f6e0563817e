import fc from 'fast-check';
import { Admission } from './admission';

/** Whether each promise has settled yet, after the microtasks queued so far have run. */
async function settledYet(promises: Promise<boolean>[]): Promise<(boolean | 'waiting')[]> {
  await new Promise((resolve) => setImmediate(resolve));
  return Promise.all(promises.map((promise) => Promise.race([promise, Promise.resolve('waiting' as const)])));
}

describe('Admission', () => {
  it('lets at most maxInFlight in at once, and the others in as places free, in arrival order', async () => {
    const admission = new Admission(2);
    const holders = [1, 2, 3, 4].map(() => admission.enter());
    expect(await settledYet(holders.map((holder) => holder.admitted))).toEqual([
      true,
      true,
      'waiting',
      'waiting',
    ]);
    expect({ inFlight: admission.inFlight, waiting: admission.waiting }).toEqual({ inFlight: 2, waiting: 2 });

    holders[1].leave();
    expect(await settledYet(holders.map((holder) => holder.admitted))).toEqual([true, true, true, 'waiting']);
    holders[0].leave();
    holders[2].leave();
    expect(await settledYet(holders.map((holder) => holder.admitted))).toEqual([true, true, true, true]);
    expect({ inFlight: admission.inFlight, waiting: admission.waiting }).toEqual({ inFlight: 1, waiting: 0 });
  });

  it('gives up the place of a holder that leaves while waiting, answering it false', async () => {
    const admission = new Admission(1);
    const first = admission.enter();
    const gaveUp = admission.enter();
    const next = admission.enter();
    gaveUp.leave();
    await expect(gaveUp.admitted).resolves.toBe(false);
    first.leave();
    await expect(next.admitted).resolves.toBe(true);
    expect({ inFlight: admission.inFlight, waiting: admission.waiting }).toEqual({ inFlight: 1, waiting: 0 });
  });

  it('counts a holder that leaves twice once', () => {
    const admission = new Admission(1);
    const holder = admission.enter();
    const waiting = admission.enter();
    holder.leave();
    holder.leave();
    waiting.leave();
    waiting.leave();
    expect({ inFlight: admission.inFlight, waiting: admission.waiting }).toEqual({ inFlight: 0, waiting: 0 });
  });

  it('refuses a limit that is not a positive whole number', () => {
    for (const limit of [0, -1, 1.5, Number.NaN]) expect(() => new Admission(limit)).toThrow(RangeError);
  });

  it('never has more than maxInFlight inside, and never leaves a place empty while someone waits', () => {
    // Each step either enters a new holder or makes the holder at some index leave.
    const step = fc.oneof(fc.constant('enter' as const), fc.nat({ max: 40 }));
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 4 }), fc.array(step, { maxLength: 60 }), (limit, steps) => {
        const admission = new Admission(limit);
        const holders: { leave: () => void }[] = [];
        for (const next of steps) {
          if (next === 'enter') holders.push(admission.enter());
          else holders[next % Math.max(holders.length, 1)]?.leave();
          expect(admission.inFlight).toBeLessThanOrEqual(limit);
          if (admission.waiting > 0) expect(admission.inFlight).toBe(limit);
        }
      }),
    );
  });
});
