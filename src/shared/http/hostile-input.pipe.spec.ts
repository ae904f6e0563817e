import { HostileInputPipe } from './hostile-input.pipe';
import { ItemsJudgedAlone } from './items-judged-alone';
import { RequestValidationError } from './request-validation.error';

const pipe = new HostileInputPipe();
const body = { type: 'body' as const };

function refusalOf(value: unknown, metadata: Parameters<HostileInputPipe['transform']>[1] = body) {
  try {
    pipe.transform(value, metadata);
  } catch (error) {
    return (error as RequestValidationError).errors;
  }
  return null;
}

describe('HostileInputPipe', () => {
  it('passes ordinary values through untouched', () => {
    const value = { name: 'Ada', phoneNumbers: ['+351912345678'], nested: { list: [1, 'two', null] } };
    expect(pipe.transform(value, body)).toBe(value);
    expect(pipe.transform(undefined, body)).toBeUndefined();
  });

  it('refuses NUL characters in values and keys, naming the field', () => {
    expect(refusalOf({ calls: [{ destination: 'a\u0000' }] })).toEqual([
      { field: 'calls[0].destination', message: 'must not contain NUL characters' },
    ]);
    expect(refusalOf({ ['a\u0000']: 1 })).toEqual([
      { field: 'body', message: 'must not contain NUL characters' },
    ]);
    expect(refusalOf('x\u0000', { type: 'param', data: 'customerId' })).toEqual([
      { field: 'customerId', message: 'must not contain NUL characters' },
    ]);
  });

  it('refuses unpaired UTF-16 surrogates in values and keys, and accepts paired ones', () => {
    const message = 'must be valid Unicode text (an unpaired surrogate)';
    expect(refusalOf({ email: '\udfff' })).toEqual([{ field: 'email', message }]);
    expect(refusalOf({ name: 'a\ud83d' })).toEqual([{ field: 'name', message }]);
    expect(refusalOf({ ['\ud800x']: 1 })).toEqual([{ field: 'body', message }]);
    expect(pipe.transform({ name: 'Zoë 📞' }, body)).toEqual({ name: 'Zoë 📞' });
  });

  it('refuses prototype keys as unknown fields', () => {
    const poisoned = JSON.parse('{"a":{"__proto__":{"x":1}}}') as unknown;
    expect(refusalOf(poisoned)).toEqual([{ field: 'a.__proto__', message: 'is not a known field' }]);
    expect(refusalOf({ constructor: 1 }, { type: 'query' })).toEqual([
      { field: 'constructor', message: 'is not a known field' },
    ]);
  });

  it('refuses nesting deeper than 32 levels without recursing', () => {
    let deep: unknown = 'leaf';
    for (let i = 0; i < 100_000; i += 1) deep = [deep];
    expect(refusalOf({ calls: deep })?.[0].message).toBe('is nested more than 32 levels deep');
    let fine: unknown = 'leaf';
    for (let i = 0; i < 31; i += 1) fine = [fine];
    expect(refusalOf(fine)).toBeNull();
  });

  it('refuses a JSON null body, but not an absent one', () => {
    expect(refusalOf(null)).toEqual([{ field: 'body', message: 'must be a JSON object' }]);
    expect(refusalOf(null, { type: 'query' })).toBeNull();
  });

  it('leaves the items of a body marked @ItemsJudgedAlone to their use case, and checks the rest', () => {
    @ItemsJudgedAlone('calls')
    class BatchDto {}
    const batch = { type: 'body' as const, metatype: BatchDto };
    expect(refusalOf({ calls: [{ destination: 'a\u0000' }] }, batch)).toBeNull();
    expect(refusalOf({ calls: [], note: 'a\u0000' }, batch)).toEqual([
      { field: 'note', message: 'must not contain NUL characters' },
    ]);
  });

  it('leaves custom parameters (the caller) alone', () => {
    const caller = { kind: 'operator', constructor: Object };
    expect(pipe.transform(caller, { type: 'custom' })).toBe(caller);
  });
});
