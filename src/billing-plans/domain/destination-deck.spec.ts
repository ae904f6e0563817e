import fc from 'fast-check';
import { DestinationDeck, InvalidDeckRowError, type DeckRow } from './destination-deck';

const row = (prefix: unknown, group: unknown, ratePerMinute: unknown, where = 'line 2'): DeckRow => ({
  where,
  prefix,
  group,
  ratePerMinute,
});
const deckOf = (...rows: [string, string, string][]) =>
  DestinationDeck.fromRows(
    rows.map(([prefix, group, rate], index) => row(prefix, group, rate, `line ${index + 2}`)),
    'USD',
  );

const portugal = deckOf(
  ['+351', 'Portugal', '0.02'],
  ['+3519', 'Portugal mobile', '0.05'],
  ['+35196', 'Portugal mobile premium', '0.09'],
  ['+1', 'US and Canada', '0.01'],
);
const groupFor = (deck: DestinationDeck, e164: string) => deck.rateFor(e164)?.group ?? null;

/** Expects the rows to be refused, naming the row and the problem. */
function expectRefused(rows: DeckRow[], where: string, problem: string) {
  const build = () => DestinationDeck.fromRows(rows, 'USD');
  expect(build).toThrow(InvalidDeckRowError);
  expect(build).toThrow(expect.objectContaining({ where, problem: expect.stringContaining(problem) }));
}

describe('DestinationDeck', () => {
  it('prices a destination by the longest matching prefix', () => {
    expect(groupFor(portugal, '+351212345678')).toBe('Portugal');
    expect(groupFor(portugal, '+351912345678')).toBe('Portugal mobile');
    expect(groupFor(portugal, '+351961234567')).toBe('Portugal mobile premium');
    expect(groupFor(portugal, '+14155550100')).toBe('US and Canada');
  });

  it('matches a prefix that is itself a prefix of another only where the longer one does not match', () => {
    expect(groupFor(portugal, '+351912345678')).toBe('Portugal mobile');
    expect(groupFor(portugal, '+351812345678')).toBe('Portugal');
    expect(groupFor(portugal, '+3519')).toBe('Portugal mobile');
  });

  it('answers the rate of the entry, group and price', () => {
    const rate = portugal.rateFor('+351912345678')!;
    expect(rate.group).toBe('Portugal mobile');
    expect(rate.ratePerMinute.toJSON()).toEqual({ amount: '0.05', currency: 'USD' });
  });

  it('matches nothing for a destination no prefix starts', () => {
    expect(portugal.rateFor('+447700900123')).toBeNull();
    expect(portugal.rateFor('+35')).toBeNull();
  });

  it('keeps its entries in configuration order, with their size', () => {
    expect(portugal.size).toBe(4);
    expect(portugal.entries().map((entry) => entry.prefix)).toEqual(['+351', '+3519', '+35196', '+1']);
  });

  it('finds the same rate as a scan of every prefix, for any deck and destination', () => {
    const digits = (min: number, max: number) =>
      fc.array(fc.constantFrom(...'0123456789'), { minLength: min, maxLength: max }).map((d) => d.join(''));
    const prefixes = fc.uniqueArray(
      fc.tuple(fc.integer({ min: 1, max: 9 }), digits(0, 5)).map(([first, rest]) => `+${first}${rest}`),
      { minLength: 1, maxLength: 40 },
    );
    fc.assert(
      fc.property(prefixes, fc.integer({ min: 1, max: 9 }), digits(0, 12), (list, first, rest) => {
        const deck = DestinationDeck.fromRows(
          list.map((prefix, index) => row(prefix, `g${index}`, '0.01', `line ${index + 2}`)),
          'USD',
        );
        const destination = `+${first}${rest}`;
        const longest = list
          .filter((prefix) => destination.startsWith(prefix))
          .sort((a, b) => b.length - a.length)[0];
        expect(groupFor(deck, destination)).toBe(longest === undefined ? null : `g${list.indexOf(longest)}`);
      }),
    );
  });

  describe('refuses a row that breaks a rule, naming it', () => {
    it('a prefix configured twice, naming both rows', () => {
      expectRefused(
        [row('+351', 'Portugal', '0.02', 'line 2'), row('+351', 'Portugal again', '0.03', 'line 9')],
        'line 9',
        'duplicate prefix "+351" (first at line 2)',
      );
    });

    it.each([
      ['351'],
      ['+'],
      ['+0351'],
      ['+35 1'],
      ['+3519a'],
      ['+1234567890123456'],
      [351],
      [null],
      [undefined],
    ])('the malformed prefix %j', (prefix) => {
      expectRefused([row(prefix, 'Portugal', '0.02', 'line 4')], 'line 4', 'malformed prefix');
    });

    it('accepts the longest prefix E.164 allows, 15 digits', () => {
      expect(deckOf(['+123456789012345', 'One number', '0.01']).size).toBe(1);
    });

    it.each([[''], [' Portugal'], ['Portugal '], ['x'.repeat(65)], ['Tab\tgroup'], [7], [null]])(
      'the group %j',
      (group) => {
        expectRefused([row('+351', group, '0.02', 'line 3')], 'line 3', 'group');
      },
    );

    it('accepts a group of 64 characters', () => {
      expect(deckOf(['+351', 'x'.repeat(64), '0.02']).size).toBe(1);
    });

    it.each([['-0.02'], ['abc'], ['0.0000001'], ['1e-2'], [''], [0.02], [null]])('the rate %j', (rate) => {
      expectRefused([row('+351', 'Portugal', rate, 'line 5')], 'line 5', 'ratePerMinute');
    });
  });

  it('names a free entry, which a prepaid plan refuses', () => {
    const deck = deckOf(['+351', 'Portugal', '0.02'], ['+800', 'Freephone', '0']);
    expect(deck.firstFreeEntry()?.where).toBe('line 3');
    expect(portugal.firstFreeEntry()).toBeUndefined();
  });
});
