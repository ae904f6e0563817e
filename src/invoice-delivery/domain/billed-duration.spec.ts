import { billedDuration } from './billed-duration';

describe('billedDuration', () => {
  it('prints the whole minutes of a call that records only minutes', () => {
    expect(billedDuration({ minutes: 3 })).toBe('3 min');
    expect(billedDuration({ minutes: 1, billedSeconds: null })).toBe('1 min');
  });

  it('prints m:ss for a call that records billed seconds', () => {
    expect(billedDuration({ minutes: 2, billedSeconds: 61 })).toBe('1:01');
    expect(billedDuration({ minutes: 1, billedSeconds: 60 })).toBe('1:00');
    expect(billedDuration({ minutes: 1, billedSeconds: 6 })).toBe('0:06');
    expect(billedDuration({ minutes: 63, billedSeconds: 3725 })).toBe('62:05');
  });
});
