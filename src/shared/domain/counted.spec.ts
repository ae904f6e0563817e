import fc from 'fast-check';
import { counted } from './counted';

describe('counted', () => {
  it('uses the singular for exactly one, and the plural otherwise', () => {
    expect(counted(1, 'call')).toBe('1 call');
    expect(counted(0, 'call')).toBe('0 calls');
    expect(counted(2, 'minute')).toBe('2 minutes');
    expect(counted(1, 'customer is', 'customers are')).toBe('1 customer is');
    expect(counted(3, 'customer is', 'customers are')).toBe('3 customers are');
  });

  it('never says "1 ...s" nor a plural noun after a count other than one', () => {
    fc.assert(
      fc.property(fc.nat({ max: 1_000_000 }), (count) => {
        expect(counted(count, 'call')).toBe(count === 1 ? '1 call' : `${count} calls`);
      }),
    );
  });
});
