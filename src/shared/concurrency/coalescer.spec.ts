import { Coalescer } from './coalescer';

/** A set-wise operation whose groups finish when the test says so. */
function controlledRun() {
  const groups: { inputs: number[]; finish: () => void; fail: (error: Error) => void }[] = [];
  const run = (inputs: number[]) =>
    new Promise<string[]>((resolve, reject) => {
      groups.push({
        inputs,
        finish: () => resolve(inputs.map((input) => `done ${input}`)),
        fail: reject,
      });
    });
  return { run, groups };
}

const settled = () => new Promise((resolve) => setImmediate(resolve));

describe('Coalescer', () => {
  it('starts a request at once in a group of its own when nothing is in flight', async () => {
    const { run, groups } = controlledRun();
    const coalescer = new Coalescer(run, { maxInFlight: 2, maxGroupSize: 100 });
    const answer = coalescer.submit(1);
    expect(groups.map((group) => group.inputs)).toEqual([[1]]);
    groups[0].finish();
    await expect(answer).resolves.toBe('done 1');
  });

  it('groups the requests that arrive while the in-flight limit is reached, in arrival order', async () => {
    const { run, groups } = controlledRun();
    const coalescer = new Coalescer(run, { maxInFlight: 2, maxGroupSize: 100 });
    const answers = [1, 2, 3, 4, 5].map((input) => coalescer.submit(input));
    expect(groups.map((group) => group.inputs)).toEqual([[1], [2]]);
    groups[0].finish();
    await settled();
    expect(groups.map((group) => group.inputs)).toEqual([[1], [2], [3, 4, 5]]);
    groups[1].finish();
    groups[2].finish();
    await expect(Promise.all(answers)).resolves.toEqual(['done 1', 'done 2', 'done 3', 'done 4', 'done 5']);
  });

  it('never puts more than maxGroupSize requests in one group', async () => {
    const { run, groups } = controlledRun();
    const coalescer = new Coalescer(run, { maxInFlight: 1, maxGroupSize: 2 });
    const answers = [1, 2, 3, 4, 5, 6].map((input) => coalescer.submit(input));
    for (let finished = 0; finished < 4; finished++) {
      groups[finished].finish();
      await settled();
    }
    expect(groups.map((group) => group.inputs)).toEqual([[1], [2, 3], [4, 5], [6]]);
    await expect(Promise.all(answers)).resolves.toHaveLength(6);
  });

  it('rejects every request of a failed group, and only those', async () => {
    const { run, groups } = controlledRun();
    const coalescer = new Coalescer(run, { maxInFlight: 1, maxGroupSize: 100 });
    const first = coalescer.submit(1);
    const second = coalescer.submit(2);
    const third = coalescer.submit(3);
    groups[0].finish();
    await settled();
    groups[1].fail(new Error('database down'));
    await expect(first).resolves.toBe('done 1');
    await expect(second).rejects.toThrow('database down');
    await expect(third).rejects.toThrow('database down');
    const later = coalescer.submit(4);
    groups[2].finish();
    await expect(later).resolves.toBe('done 4');
  });

  it('rejects the group when the operation answers the wrong number of results', async () => {
    const coalescer = new Coalescer(() => Promise.resolve(['only one']), {
      maxInFlight: 1,
      maxGroupSize: 100,
    });
    const answers = [coalescer.submit(1), coalescer.submit(2), coalescer.submit(3)];
    await expect(answers[0]).resolves.toBe('only one');
    await expect(answers[1]).rejects.toThrow('answered 1 results for 2 inputs');
    await expect(answers[2]).rejects.toThrow('answered 1 results for 2 inputs');
  });
});
