import { findUnstorableInput, MAX_INPUT_DEPTH } from './storable-input';
import { fieldPath } from './field-path';

describe('findUnstorableInput', () => {
  it('accepts ordinary input, paired surrogates included', () => {
    expect(findUnstorableInput({ name: 'Zoë 📞', list: [1, 'two', null, { a: true }] })).toBeNull();
  });

  it('names the field of the first broken rule, relative to the value checked', () => {
    expect(findUnstorableInput({ destination: '+1415\u0000' })).toEqual({
      field: 'destination',
      message: 'must not contain NUL characters',
    });
    expect(findUnstorableInput({ calls: [{}, { email: '\udfff' }] })).toEqual({
      field: 'calls[1].email',
      message: 'must be valid Unicode text (an unpaired surrogate)',
    });
    expect(findUnstorableInput('x\u0000', { field: 'customerId' })?.field).toBe('customerId');
  });

  it('refuses prototype keys as unknown fields, wherever they are', () => {
    const poisoned = JSON.parse('{"a":[{"__proto__":{"x":1}}]}') as unknown;
    expect(findUnstorableInput(poisoned)).toEqual({
      field: 'a[0].__proto__',
      message: 'is not a known field',
    });
    expect(findUnstorableInput({ prototype: 1 })?.field).toBe('prototype');
  });

  it(`refuses nesting deeper than ${MAX_INPUT_DEPTH} levels without recursing`, () => {
    let deep: unknown = 'leaf';
    for (let i = 0; i < 100_000; i += 1) deep = [deep];
    expect(findUnstorableInput(deep)?.message).toBe(`is nested more than ${MAX_INPUT_DEPTH} levels deep`);
  });

  it('leaves the items of an array judged alone to their own check, and checks the rest', () => {
    const body = { calls: [{ destination: '\u0000' }, JSON.parse('{"__proto__":1}')] };
    expect(findUnstorableInput(body, { itemsJudgedAlone: ['calls'] })).toBeNull();
    expect(findUnstorableInput({ ...body, note: '\u0000' }, { itemsJudgedAlone: ['calls'] })?.field).toBe(
      'note',
    );
  });
});

describe('fieldPath', () => {
  it.each([
    ['', 'name', 'name'],
    ['calls', 3, 'calls[3]'],
    ['calls[3]', 'destination', 'calls[3].destination'],
    ['', '', '[""]'],
    ['meta', 'a b', 'meta["a b"]'],
  ])('%j + %j is %j', (parent, key, path) => {
    expect(fieldPath(parent, key)).toBe(path);
  });
});
