import { toWinAnsi } from './win-ansi';

describe('toWinAnsi', () => {
  it('keeps Latin-1 and the cp1252 extras', () => {
    expect(toWinAnsi('Zoë Ñandú — “€ 5”')).toBe('Zoë Ñandú — “€ 5”');
  });

  it('falls back to base letters, then to "?"', () => {
    expect(toWinAnsi('Ančić Łukasz 山田')).toBe('Ancic ?ukasz ??');
    expect(toWinAnsi('e\u0301')).toBe('é');
  });
});
