import { bearerTokenOf } from './api-key.guard';

describe('bearerTokenOf', () => {
  it.each([
    [undefined, null],
    ['', null],
    ['   ', null],
    ['Bearer abc', 'abc'],
    ['bearer abc', 'abc'],
    ['BEARER  abc  ', 'abc'],
    ['Bearer a.b-c_d~e+f/g==', 'a.b-c_d~e+f/g=='],
    ['Bearer', ''],
    ['Bearer ', ''],
    ['Basic abc', ''],
    ['abc', ''],
    ['Bearer abc def', ''],
    ['Bearer ab"c', ''],
  ])('reads %j as %j', (header, token) => {
    expect(bearerTokenOf(header)).toBe(token);
  });
});
