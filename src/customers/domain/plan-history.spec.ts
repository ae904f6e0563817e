import { PlanHistory } from './plan-history';

describe('PlanHistory', () => {
  const fromStart = PlanHistory.startingWith('postpaid');
  const toFlatInDecember = fromStart.changeTo('flat', '2026-12');

  it('has the starting plan in force in every period', () => {
    expect(fromStart.inForceDuring('2000-01')).toBe('postpaid');
    expect(fromStart.inForceDuring('2026-10')).toBe('postpaid');
    expect(fromStart.entries).toEqual([{ plan: 'postpaid', from: null }]);
  });

  it('keeps the old plan before a change and the new one from its period on', () => {
    expect(toFlatInDecember.inForceDuring('2026-10')).toBe('postpaid');
    expect(toFlatInDecember.inForceDuring('2026-11')).toBe('postpaid');
    expect(toFlatInDecember.inForceDuring('2026-12')).toBe('flat');
    expect(toFlatInDecember.inForceDuring('2027-01')).toBe('flat');
  });

  it('follows several changes in turn', () => {
    const history = toFlatInDecember.changeTo('prepaid', '2027-03');
    expect(
      ['2026-11', '2026-12', '2027-02', '2027-03', '2030-01'].map((p) => history.inForceDuring(p)),
    ).toEqual(['postpaid', 'flat', 'flat', 'prepaid', 'prepaid']);
  });

  it('never changes in place', () => {
    fromStart.changeTo('flat', '2026-12');
    expect(fromStart.entries).toEqual([{ plan: 'postpaid', from: null }]);
  });

  describe('changeTo', () => {
    it('replaces a pending change with the newer choice', () => {
      const history = toFlatInDecember.changeTo('prepaid', '2026-12');
      expect(history.entries).toEqual([
        { plan: 'postpaid', from: null },
        { plan: 'prepaid', from: '2026-12' },
      ]);
      expect(history.inForceDuring('2026-12')).toBe('prepaid');
    });

    it('leaves no pending entry when the change goes back to the plan in force', () => {
      const history = toFlatInDecember.changeTo('postpaid', '2026-12');
      expect(history.entries).toEqual([{ plan: 'postpaid', from: null }]);
      expect(history.pendingAfter('2026-11')).toBeNull();
    });

    it('records nothing when asked for the plan already in force', () => {
      expect(fromStart.changeTo('postpaid', '2026-12').entries).toEqual([{ plan: 'postpaid', from: null }]);
    });

    it('keeps changes already in force when scheduling a later one', () => {
      const history = toFlatInDecember.changeTo('prepaid', '2027-02');
      expect(history.entries).toEqual([
        { plan: 'postpaid', from: null },
        { plan: 'flat', from: '2026-12' },
        { plan: 'prepaid', from: '2027-02' },
      ]);
    });

    it('cancels a pending change back to a plan that was itself a change', () => {
      const history = toFlatInDecember.changeTo('prepaid', '2027-02').changeTo('flat', '2027-02');
      expect(history.entries).toEqual([
        { plan: 'postpaid', from: null },
        { plan: 'flat', from: '2026-12' },
      ]);
      expect(history.pendingAfter('2027-01')).toBeNull();
    });
  });

  describe('pendingAfter', () => {
    it('is the change waiting for a later period', () => {
      expect(toFlatInDecember.pendingAfter('2026-10')).toEqual({ plan: 'flat', from: '2026-12' });
      expect(toFlatInDecember.pendingAfter('2026-11')).toEqual({ plan: 'flat', from: '2026-12' });
    });

    it('is null once the change is in force', () => {
      expect(toFlatInDecember.pendingAfter('2026-12')).toBeNull();
      expect(toFlatInDecember.pendingAfter('2027-05')).toBeNull();
    });

    it('is null without any change', () => {
      expect(fromStart.pendingAfter('2026-10')).toBeNull();
    });
  });

  it('reads a stored history back as it was', () => {
    const stored = PlanHistory.fromStored([
      { plan: 'prepaid', from: null },
      { plan: 'postpaid', from: '2026-03' },
    ]);
    expect(stored.inForceDuring('2026-02')).toBe('prepaid');
    expect(stored.inForceDuring('2026-03')).toBe('postpaid');
  });

  describe('plansFrom', () => {
    const history = PlanHistory.fromStored([
      { plan: 'prepaid', from: null },
      { plan: 'postpaid', from: '2026-03' },
      { plan: 'flat', from: '2026-07' },
      { plan: 'gold', from: '2026-12' },
    ]);

    it('names the plan in force during the period and every later change', () => {
      expect(history.plansFrom('2026-05')).toEqual(['postpaid', 'flat', 'gold']);
      expect(history.plansFrom('2026-07')).toEqual(['flat', 'gold']);
      expect(history.plansFrom('2027-01')).toEqual(['gold']);
      expect(history.plansFrom('2026-01')).toEqual(['prepaid', 'postpaid', 'flat', 'gold']);
    });
  });
});
