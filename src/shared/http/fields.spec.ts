import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import {
  EmailField,
  InstantField,
  IntegerField,
  PhoneNumberQueryField,
  TextField,
  TextListField,
} from './fields';

class Query {
  @IntegerField({ minimum: 1, maximum: 500, optional: true, inQuery: true })
  limit: number = 50;

  @PhoneNumberQueryField({ name: 'phoneNumber' })
  phoneNumber?: string;

  @InstantField({ optional: true })
  from?: string;
}

class Body {
  @TextField({ maxLength: 200, freeText: true })
  name!: string;

  @EmailField({ optional: true, nullable: true })
  email?: string | null;

  @TextField({ optional: true, maxLength: 7, pattern: /^\d{4}-\d{2}$/, patternMessage: 'must be YYYY-MM' })
  period?: string;

  @TextListField({ optional: true, maxItems: 2, itemsName: 'phone numbers', item: { maxLength: 5 } })
  phoneNumbers?: string[];
}

/** The messages validation gives, by field. */
function messagesOf<T extends object>(type: new () => T, plain: object): Record<string, string[]> {
  const errors = validateSync(plainToInstance(type, plain));
  return Object.fromEntries(errors.map((error) => [error.property, Object.values(error.constraints ?? {})]));
}

describe('Request fields', () => {
  it.each(['2.5', '0', '501', 'abc', '1e2', '-1', ' 3'])(
    'answers ?limit=%s with one true message',
    (limit) => {
      expect(messagesOf(Query, { limit })).toEqual({ limit: ['limit must be a whole number from 1 to 500'] });
    },
  );

  it('reads plain digits in a query string as the number', () => {
    const query = plainToInstance(Query, { limit: '7' });
    expect(validateSync(query)).toEqual([]);
    expect(query.limit).toBe(7);
  });

  it.each([
    [{ name: 42 }, { name: ['name must be a string'] }],
    [{ name: '' }, { name: ['name must be 1 to 200 characters long'] }],
    [{}, { name: ['name is required'] }],
    [{ name: 'Ada', email: 'ada' }, { email: ['email must be an email address of at most 254 characters'] }],
    [{ name: 'Ada', period: '2026-1' }, { period: ['period must be YYYY-MM'] }],
    [{ name: 'Ada', period: null }, { period: ['period must be a string'] }],
    [
      { name: 'Ada', phoneNumbers: 'x' },
      { phoneNumbers: ['phoneNumbers must be an array of phone numbers'] },
    ],
    [
      { name: 'Ada', phoneNumbers: ['1', '2', '3'] },
      { phoneNumbers: ['phoneNumbers must hold at most 2 phone numbers'] },
    ],
    [{ name: 'Ada', phoneNumbers: ['1', 2] }, { phoneNumbers: ['phoneNumbers[1] must be a string'] }],
  ])('answers %j with one true message per broken rule: %j', (plain, messages) => {
    expect(messagesOf(Body, plain)).toEqual(messages);
  });

  it('takes null only where the field is nullable, and absence where it is optional', () => {
    expect(messagesOf(Body, { name: 'Ada', email: null })).toEqual({});
    expect(messagesOf(Body, { name: 'Ada' })).toEqual({});
  });

  it("says that a query string's + must be written %2B when a phone number arrives with a space", () => {
    expect(messagesOf(Query, { phoneNumber: ' 351912345678' })).toEqual({
      phoneNumber: [
        'phoneNumber must start with a + written as %2B in a query string (a literal + reads as a space): ?phoneNumber=%2B351912345678',
      ],
    });
    expect(messagesOf(Query, { phoneNumber: '+351912345678' })).toEqual({});
  });

  it.each(['yesterday', '2026-10-01', '2026-02-30T00:00:00Z', '2026-10-01T00:00:00'])(
    'refuses the instant %j with one message',
    (from) => {
      expect(messagesOf(Query, { from })).toEqual({
        from: ['from must be an ISO 8601 instant with an offset, e.g. 2026-10-01T00:00:00Z'],
      });
    },
  );
});
