import { missingPeriods, monthsBetween } from './missing-periods';

describe('missingPeriods', () => {
  it('lists every period from the first due one up to the last closed one that has no invoice', () => {
    expect(
      missingPeriods({ firstDue: '2026-06', lastClosed: '2026-10' }, new Set(['2026-07', '2026-10']), []),
    ).toEqual(['2026-06', '2026-08', '2026-09']);
  });

  it('crosses year ends', () => {
    expect(missingPeriods({ firstDue: '2025-11', lastClosed: '2026-02' }, new Set(), [])).toEqual([
      '2025-11',
      '2025-12',
      '2026-01',
    ]);
  });

  it('adds earlier periods with calls that have no invoice, oldest first', () => {
    expect(
      missingPeriods({ firstDue: '2026-09', lastClosed: '2026-10' }, new Set(['2026-03']), [
        '2026-05',
        '2026-03',
        '1999-12',
      ]),
    ).toEqual(['1999-12', '2026-05', '2026-09']);
  });

  it('lists nothing for a customer created in its last closed period, or later', () => {
    expect(missingPeriods({ firstDue: '2026-10', lastClosed: '2026-10' }, new Set(), [])).toEqual([]);
    expect(missingPeriods({ firstDue: '2026-11', lastClosed: '2026-10' }, new Set(), [])).toEqual([]);
  });
});

describe('monthsBetween', () => {
  it('counts the periods from one (inclusive) to another (exclusive)', () => {
    expect(monthsBetween('2025-11', '2026-02')).toBe(3);
    expect(monthsBetween('2026-02', '2026-02')).toBe(0);
    expect(monthsBetween('2026-03', '2026-02')).toBe(0);
  });
});
