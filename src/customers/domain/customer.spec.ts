import { PhoneNumber } from '../../shared/domain/phone-number';
import { TimeZone } from '../../shared/domain/time-zone';
import { Customer, type NewCustomer } from './customer';
import { InvalidCustomerNameError } from './customer.errors';

const now = new Date('2026-10-15T12:00:00Z');
const ada = (changes: Partial<NewCustomer> = {}): NewCustomer => ({
  name: 'Ada Lovelace',
  email: 'ada@example.com',
  timezone: TimeZone.of('Europe/Lisbon'),
  plan: 'postpaid',
  phoneNumbers: [PhoneNumber.parse('+351912345678')],
  ...changes,
});

describe('Customer', () => {
  describe('register', () => {
    it('registers a customer on its starting plan', () => {
      const customer = Customer.register(ada(), now);
      expect(customer.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(customer.name).toBe('Ada Lovelace');
      expect(customer.email).toBe('ada@example.com');
      expect(customer.timezone.name).toBe('Europe/Lisbon');
      expect(customer.createdAt).toEqual(now);
      expect(customer.planInForceAt(now)).toBe('postpaid');
      expect(customer.planHistory.pendingAfter('2026-10')).toBeNull();
    });

    it('gives every customer its own id', () => {
      expect(Customer.register(ada(), now).id).not.toBe(Customer.register(ada(), now).id);
    });

    it('trims the name', () => {
      expect(Customer.register(ada({ name: '  Ada Lovelace \n' }), now).name).toBe('Ada Lovelace');
    });

    it('accepts names of 1 to 200 characters, counted after trimming', () => {
      expect(Customer.register(ada({ name: 'A' }), now).name).toBe('A');
      expect(Customer.register(ada({ name: 'x'.repeat(200) }), now).name).toHaveLength(200);
      expect(Customer.register(ada({ name: `  ${'x'.repeat(200)}  ` }), now).name).toHaveLength(200);
    });

    it.each([
      ['empty', ''],
      ['blank', '   \t '],
      ['201 characters long', 'x'.repeat(201)],
    ])('rejects a name that is %s', (_case, name) => {
      const attempt = () => Customer.register(ada({ name }), now);
      expect(attempt).toThrow(InvalidCustomerNameError);
      expect(attempt).toThrow(
        expect.objectContaining({ code: 'invalid_customer_name', category: 'validation', field: 'name' }),
      );
    });

    it('keeps each phone number once, in the order given', () => {
      const customer = Customer.register(
        ada({
          phoneNumbers: [
            PhoneNumber.parse('+351912345678'),
            PhoneNumber.parse('+1 415 555 0100'),
            PhoneNumber.parse('+351 912 345 678'),
            PhoneNumber.parse('+14155550100'),
          ],
        }),
        now,
      );
      expect(customer.phoneNumbers.map(String)).toEqual(['+351912345678', '+14155550100']);
    });

    it('registers a customer without phone numbers or email', () => {
      const customer = Customer.register(ada({ phoneNumbers: [], email: null }), now);
      expect(customer.phoneNumbers).toEqual([]);
      expect(customer.email).toBeNull();
    });
  });

  describe('changePlan', () => {
    it('takes effect from the next period, never mid-period', () => {
      const customer = Customer.register(ada(), now);
      customer.changePlan('flat', now);
      expect(customer.planHistory.pendingAfter('2026-10')).toEqual({ plan: 'flat', from: '2026-11' });
      expect(customer.planInForceAt(now)).toBe('postpaid');
      expect(customer.planInForceAt(new Date('2026-11-01T00:00:00Z'))).toBe('flat');
    });

    it("switches at local midnight on the 1st in the customer's time zone", () => {
      const customer = Customer.register(ada({ timezone: TimeZone.of('America/New_York') }), now);
      customer.changePlan('flat', now);
      // 2026-11-01T03:59Z is still 31 October, 23:59 in New York (EDT, UTC-4)
      expect(customer.planInForceAt(new Date('2026-11-01T03:59:59Z'))).toBe('postpaid');
      expect(customer.planInForceAt(new Date('2026-11-01T04:00:00Z'))).toBe('flat');
    });

    it("counts the next period from the customer's calendar, not UTC's", () => {
      // 2026-10-31T10:00Z is already 1 November, 00:00 in Kiritimati (UTC+14)
      const instant = new Date('2026-10-31T10:00:00Z');
      const kiritimati = Customer.register(ada({ timezone: TimeZone.of('Pacific/Kiritimati') }), instant);
      const utc = Customer.register(ada({ timezone: TimeZone.of('UTC') }), instant);
      kiritimati.changePlan('flat', instant);
      utc.changePlan('flat', instant);
      expect(kiritimati.currentPeriod(instant).code).toBe('2026-11');
      expect(kiritimati.planHistory.pendingAfter('2026-11')).toEqual({ plan: 'flat', from: '2026-12' });
      expect(kiritimati.planInForceAt(new Date('2026-11-20T12:00:00Z'))).toBe('postpaid');
      expect(utc.planHistory.pendingAfter('2026-10')).toEqual({ plan: 'flat', from: '2026-11' });
    });

    it('replaces a pending change, and cancels it by choosing the plan in force', () => {
      const customer = Customer.register(ada(), now);
      customer.changePlan('flat', now);
      customer.changePlan('prepaid', now);
      expect(customer.planHistory.pendingAfter('2026-10')).toEqual({ plan: 'prepaid', from: '2026-11' });
      customer.changePlan('postpaid', now);
      expect(customer.planHistory.pendingAfter('2026-10')).toBeNull();
      expect(customer.planHistory.entries).toEqual([{ plan: 'postpaid', from: null }]);
    });
  });

  describe('phone numbers', () => {
    it('lists the lines open at an instant: not released by then, assigned from later included', () => {
      const [a, b, c] = ['+351912345678', '+351912345679', '+351912345670'].map((n) => PhoneNumber.parse(n));
      const registered = Customer.register(ada(), now);
      const customer = Customer.fromStored({
        id: registered.id,
        name: registered.name,
        email: registered.email,
        timezone: registered.timezone,
        planHistory: registered.planHistory,
        billingAddress: null,
        createdAt: registered.createdAt,
        lines: [
          { number: a, from: null, until: new Date('2026-10-10T00:00:00Z') },
          { number: b, from: null, until: new Date('2026-10-20T00:00:00Z') },
          { number: c, from: new Date('2026-11-01T00:00:00Z'), until: null },
        ],
      });
      expect(customer.phoneNumbersAt(now).map(String)).toEqual([String(b), String(c)]);
      expect(customer.phoneNumbers.map(String)).toEqual([String(c)]);
    });

    it('registers each number once, as a line since always', () => {
      const customer = Customer.register(
        ada({ phoneNumbers: [PhoneNumber.parse('+351 912 345 678'), PhoneNumber.parse('+351912345678')] }),
        now,
      );
      expect(customer.lines).toEqual([
        { number: PhoneNumber.parse('+351912345678'), from: null, until: null },
      ]);
    });
  });
});
