import { normaliseDestination } from './destination-number';

const lisbonLine = '+351912345678';
const newYorkLine = '+12125550100';
const londonLine = '+442079460000';

describe('normaliseDestination', () => {
  it('keeps an E.164 destination as the switch wrote it', () => {
    expect(normaliseDestination('+447700900123', lisbonLine)).toBe('+447700900123');
    expect(normaliseDestination('+14155550100', lisbonLine)).toBe('+14155550100');
    // Not parsed again: an unknown country code stays, and only a deck prefix could match it.
    expect(normaliseDestination('+999123456', lisbonLine)).toBe('+999123456');
  });

  it('reads spaces, dashes, dots and brackets people write between digits', () => {
    expect(normaliseDestination('+1 (415) 555-0100', lisbonLine)).toBe('+14155550100');
    expect(normaliseDestination('+351 91.234.5678', newYorkLine)).toBe('+351912345678');
  });

  it('reads a national form in the country of the calling line', () => {
    expect(normaliseDestination('912345678', lisbonLine)).toBe('+351912345678');
    expect(normaliseDestination('(415) 555-0100', newYorkLine)).toBe('+14155550100');
    expect(normaliseDestination('07700 900123', londonLine)).toBe('+447700900123');
  });

  it('reads the same digits differently from lines of different countries', () => {
    expect(normaliseDestination('2025550100', newYorkLine)).toBe('+12025550100');
    expect(normaliseDestination('2025550100', lisbonLine)).not.toBe('+12025550100');
  });

  it('reads the international call prefix of the line country (00 in Europe, 011 in North America)', () => {
    expect(normaliseDestination('00447700900123', lisbonLine)).toBe('+447700900123');
    expect(normaliseDestination('011447700900123', newYorkLine)).toBe('+447700900123');
  });

  it.each([
    ['a name', 'voicemail'],
    ['a vanity number with letters', '1-800-FLOWERS'],
    ['an emergency short code', '112'],
    ['a service short code', '16100'],
    ['a national number too short for its country', '91234'],
    ['a + before a short code', '+351112'],
    ['a + and a 0', '+0351912345678'],
    ['an empty string', ''],
    ['a bare +', '+'],
  ])('gives no number for %s (%j), which then matches no prefix', (_, destination) => {
    expect(normaliseDestination(destination, lisbonLine)).toBeNull();
  });

  it('gives no number for a call without a destination', () => {
    expect(normaliseDestination(null, lisbonLine)).toBeNull();
  });

  it('answers the same for a spelling it has already read (cached)', () => {
    expect(normaliseDestination('912345678', lisbonLine)).toBe(normaliseDestination('912345678', lisbonLine));
    expect(normaliseDestination('912345678', newYorkLine)).toBeNull();
  });
});
