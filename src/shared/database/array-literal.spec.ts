import fc from 'fast-check';
// @ts-expect-error -- pg ships no types for the module of its own parameter writer, the reference here
import { prepareValue } from 'pg/lib/utils';
import { arrayLiteral } from './array-literal';

/** How PostgreSQL reads a one-dimensional array literal back into its elements (null: NULL). */
function parseArrayLiteral(literal: string): (string | null)[] {
  expect(literal.startsWith('{') && literal.endsWith('}')).toBe(true);
  const body = literal.slice(1, -1);
  if (body === '') return [];
  const elements: (string | null)[] = [];
  let index = 0;
  while (index <= body.length) {
    if (body[index] === '"') {
      let element = '';
      index += 1;
      while (body[index] !== '"') {
        if (body[index] === '\\') index += 1;
        element += body[index];
        index += 1;
      }
      elements.push(element);
      index += 2; // the closing quote and the comma
    } else {
      const end = body.indexOf(',', index) === -1 ? body.length : body.indexOf(',', index);
      const element = body.slice(index, end);
      elements.push(element.toUpperCase() === 'NULL' ? null : element);
      index = end + 1;
    }
  }
  return elements;
}

describe('array literals', () => {
  it('write numbers, UUIDs and instants unquoted', () => {
    expect(arrayLiteral([1, 20, 300])).toBe('{1,20,300}');
    expect(arrayLiteral(['019a1b2c-3d4e-7f60-8a9b-0c1d2e3f4a5b', '2026-10-05T14:03:00.000Z'])).toBe(
      '{019a1b2c-3d4e-7f60-8a9b-0c1d2e3f4a5b,2026-10-05T14:03:00.000Z}',
    );
    expect(arrayLiteral(['0.045', '-1.50', '+351912345678'])).toBe('{0.045,-1.50,+351912345678}');
  });

  it('quote text, so that a callId spelt NULL stays text', () => {
    expect(arrayLiteral(['NULL', 'null', 'sw1-1'])).toBe('{"NULL","null","sw1-1"}');
  });

  it('write null as NULL and an empty text as ""', () => {
    expect(arrayLiteral(['a', null, ''])).toBe('{"a",NULL,""}');
    expect(arrayLiteral([])).toBe('{}');
  });

  it('escape quotes and backslashes', () => {
    expect(arrayLiteral(['say "hi"', 'C:\\dir', 'a,b {c}'])).toBe('{"say \\"hi\\"","C:\\\\dir","a,b {c}"}');
  });

  it('quote an element whose own comma would split it, however plain its characters', () => {
    expect(arrayLiteral(['+1,415', '1'])).toBe('{"+1,415","1"}');
    expect(parseArrayLiteral(arrayLiteral(['1,2', null]))).toEqual(['1,2', null]);
  });

  it('are read back as the very elements given, as pg writes them', () => {
    const plainCharacters = fc.stringMatching(/^[0-9a-fTZ.:+,-]{0,12}$/);
    const element = fc.oneof(
      fc.string(),
      plainCharacters,
      fc.constantFrom('NULL', 'null', '', ' ', '"', '\\', ',', '{}', '0.5', 'abc', 'T', 'Z'),
      fc.uuid(),
      fc.integer().map(String),
      fc.constant(null),
    );
    fc.assert(
      fc.property(fc.array(element), (values) => {
        expect(parseArrayLiteral(arrayLiteral(values))).toEqual(parseArrayLiteral(prepareValue(values)));
        expect(parseArrayLiteral(arrayLiteral(values))).toEqual(values);
      }),
    );
  });
});
