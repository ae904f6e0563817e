import { BillingAddress, InvalidBillingAddressError } from './billing-address';

const lisbon = { line1: 'Rua Augusta 100', city: 'Lisboa', postalCode: '1100-053', country: 'PT' };

function refusal(action: () => unknown): { field?: string; message: string } {
  try {
    action();
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidBillingAddressError);
    return { field: (error as InvalidBillingAddressError).field, message: (error as Error).message };
  }
  throw new Error('expected a refusal');
}

describe('BillingAddress', () => {
  it('keeps the fields given, trimmed, and the optional ones left out as null', () => {
    expect(BillingAddress.parse({ ...lisbon, line1: '  Rua Augusta 100 ' }).fields).toEqual({
      line1: 'Rua Augusta 100',
      line2: null,
      city: 'Lisboa',
      postalCode: '1100-053',
      region: null,
      country: 'PT',
    });
  });

  it('refuses a missing required field, a blank line, a line break and an unknown field, naming the field', () => {
    expect(refusal(() => BillingAddress.parse({ line1: 'x', country: 'PT' }))).toMatchObject({
      field: 'billingAddress.city',
    });
    expect(refusal(() => BillingAddress.parse({ ...lisbon, line2: '   ' })).field).toBe(
      'billingAddress.line2',
    );
    expect(refusal(() => BillingAddress.parse({ ...lisbon, line1: 'a\nb' })).message).toContain('one line');
    expect(refusal(() => BillingAddress.parse({ ...lisbon, floor: 3 })).field).toBe('billingAddress.floor');
  });

  it('takes ISO 3166-1 alpha-2 country codes in upper case only', () => {
    expect(BillingAddress.parse({ ...lisbon, country: 'GR' }).fields.country).toBe('GR');
    for (const country of ['pt', 'PRT', 'XX', 'Portugal'])
      expect(refusal(() => BillingAddress.parse({ ...lisbon, country })).field).toBe(
        'billingAddress.country',
      );
  });

  it('merges a patch as RFC 7396 says: given fields replace, null fields go, the rest stays', () => {
    const current = BillingAddress.parse({ ...lisbon, line2: '3.º esq.' });
    expect(
      BillingAddress.merged(current, { line2: null, city: 'Porto', postalCode: '4000-001' }).fields,
    ).toEqual({
      ...lisbon,
      line2: null,
      city: 'Porto',
      postalCode: '4000-001',
      region: null,
    });
    expect(refusal(() => BillingAddress.merged(null, { city: 'Porto' })).field).toBe('billingAddress.line1');
    expect(refusal(() => BillingAddress.merged(current, { city: null })).field).toBe('billingAddress.city');
  });
});
