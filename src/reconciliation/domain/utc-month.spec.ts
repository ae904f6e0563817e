import { InvalidMonthError, utcMonth } from './utc-month';

describe('A UTC month', () => {
  it('runs from its 1st at 00:00Z up to, not including, the next 1st', () => {
    expect(utcMonth('2026-10')).toEqual({
      month: '2026-10',
      start: new Date('2026-10-01T00:00:00Z'),
      end: new Date('2026-11-01T00:00:00Z'),
    });
    expect(utcMonth('2026-12').end).toEqual(new Date('2027-01-01T00:00:00Z'));
    expect(utcMonth('1970-01').start).toEqual(new Date(0));
  });

  it.each(['2026-13', '2026-00', '2026-1', '26-10', '2026-10-01', '', ' 2026-10', '1969-12'])(
    'refuses %j with an invalid-month error on the month field',
    (raw) => {
      expect(() => utcMonth(raw)).toThrow(InvalidMonthError);
      try {
        utcMonth(raw);
      } catch (error) {
        expect(error).toMatchObject({ code: 'invalid_month', category: 'validation', field: 'month' });
      }
    },
  );
});
