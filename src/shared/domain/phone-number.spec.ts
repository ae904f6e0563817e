import { InvalidPhoneNumberError, PhoneNumber } from './phone-number';

describe('PhoneNumber', () => {
  it.each([
    ['+1 415 555 0100', '+14155550100'],
    ['+1 (415) 555-0100', '+14155550100'],
    ['+14155550100', '+14155550100'],
    ['+351 912 345 678', '+351912345678'],
    ['+351912345678', '+351912345678'],
    ['+44 20 7946 0958', '+442079460958'],
  ])('normalises %j to E.164 %s', (raw, e164) => {
    expect(PhoneNumber.parse(raw).e164).toBe(e164);
    expect(PhoneNumber.parse(raw).toString()).toBe(e164);
  });

  it.each([
    ['too short for its country by full metadata', '+1 415 555 01'],
    ['a country code with a stub', '+351 2'],
    ['without a country code', '12345'],
    ['national format without a country', '912 345 678'],
    ['empty', ''],
    ['letters', 'call me'],
    ['longer than 64 characters', `+351912345678${' '.repeat(60)}`],
    ['inside other text', 'Phone: +351 912 345 678'],
    ['as a tel: URI', 'tel:+351912345678'],
    ['with an extension, which would be dropped', '+351 912 345 678 ext 5'],
    ['in other digits than ASCII ones', '+٣٥١٩١٢٣٤٥٦٧٨'],
    ['with blanks around it', ' +351912345678'],
    ['whose + became a space in a query string', ' 351912345678'],
  ])('rejects a number %s (%j)', (_case, raw) => {
    expect(() => PhoneNumber.parse(raw)).toThrow(InvalidPhoneNumberError);
  });

  it.each([[351912345678], [null], [undefined], [{ number: '+351912345678' }], [['+351912345678']]])(
    'rejects the non-string %j',
    (raw) => {
      expect(() => PhoneNumber.parse(raw)).toThrow(InvalidPhoneNumberError);
    },
  );

  it('reports the phoneNumber field by default, with a stable code', () => {
    expect(() => PhoneNumber.parse('12345')).toThrow(
      expect.objectContaining({ code: 'invalid_phone_number', category: 'validation', field: 'phoneNumber' }),
    );
  });

  it('reports the field it was given, and shows the number', () => {
    expect(() => PhoneNumber.parse('+351 2', 'phoneNumbers[1]')).toThrow(
      expect.objectContaining({ field: 'phoneNumbers[1]' }),
    );
    expect(() => PhoneNumber.parse('+351 2', 'number')).toThrow('"+351 2" is not a valid phone number');
  });

  it('repeats at most 64 characters of what it was given', () => {
    const long = `+${'9'.repeat(5000)}`;
    expect(() => PhoneNumber.parse(long)).toThrow(`"+${'9'.repeat(63)}…" is not a valid phone number`);
  });

  it('is equal to the same number, however it was written', () => {
    expect(PhoneNumber.parse('+1 415 555 0100').equals(PhoneNumber.parse('+14155550100'))).toBe(true);
    expect(PhoneNumber.parse('+14155550100').equals(PhoneNumber.parse('+14155550101'))).toBe(false);
  });

  it('takes a stored number as it is', () => {
    expect(PhoneNumber.fromStored('+351912345678').equals(PhoneNumber.parse('+351 912 345 678'))).toBe(true);
  });
});
