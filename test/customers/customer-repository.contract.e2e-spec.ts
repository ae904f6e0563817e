import { CustomerRepository } from '../../src/customers/application/customer.repository';
import { Customer } from '../../src/customers/domain/customer';
import { CustomerNotFoundError, PhoneNumberTakenError } from '../../src/customers/domain/customer.errors';
import { InMemoryCustomerRepository } from '../../src/customers/infrastructure/in-memory-customer.repository';
import { MikroOrmCustomerRepository } from '../../src/customers/infrastructure/mikro-orm-customer.repository';
import { Database } from '../../src/shared/database/database';
import { PhoneNumber } from '../../src/shared/domain/phone-number';
import { TimeZone } from '../../src/shared/domain/time-zone';
import { UnitOfWork } from '../../src/shared/transactions/unit-of-work';
import { aPhoneNumber } from '../support/mothers';
import { startTestApp, TestApp } from '../support/test-app';

/** One contract, two adapters: the in-memory fake can never drift from the real repository. */
function customerRepositoryContract(name: string, makeRepository: () => CustomerRepository) {
  describe(`CustomerRepository contract: ${name}`, () => {
    let repository: CustomerRepository;
    let clock = Date.parse('2026-10-01T00:00:00Z');

    beforeEach(() => {
      repository = makeRepository();
    });

    function aCustomer(numbers: string[] = [aPhoneNumber()], timezone = 'Europe/Lisbon'): Customer {
      clock += 1000;
      return Customer.register(
        {
          name: 'Ada',
          email: null,
          timezone: TimeZone.of(timezone),
          plan: 'postpaid',
          phoneNumbers: numbers.map((n) => PhoneNumber.parse(n)),
        },
        new Date(clock),
      );
    }

    it('finds a stored customer with its numbers, time zone and plan history', async () => {
      const customer = aCustomer();
      await repository.add(customer);
      const found = await repository.findById(customer.id);
      expect(found?.id).toBe(customer.id);
      expect(found?.timezone.name).toBe('Europe/Lisbon');
      expect(found?.phoneNumbers.map((n) => n.e164)).toEqual(customer.phoneNumbers.map((n) => n.e164));
      expect(found?.planHistory.entries).toEqual([{ plan: 'postpaid', from: null }]);
      expect(found?.createdAt.getTime()).toBe(customer.createdAt.getTime());
    });

    it('answers null for an unknown id', async () => {
      expect(await repository.findById('6f1c1f4e-3f5a-4f0e-9d7e-2b8c5a1d9e00')).toBeNull();
    });

    it('refuses a customer whose number is taken, storing nothing', async () => {
      const taken = aPhoneNumber();
      await repository.add(aCustomer([taken]));
      const second = aCustomer([aPhoneNumber(), taken]);
      await expect(repository.add(second)).rejects.toBeInstanceOf(PhoneNumberTakenError);
      expect(await repository.findById(second.id)).toBeNull();
    });

    it("adds a line once, and refuses a line over another's range, storing nothing", async () => {
      const ada = aCustomer();
      const bob = aCustomer();
      await repository.add(ada);
      await repository.add(bob);
      const number = PhoneNumber.parse(aPhoneNumber());
      expect(await repository.addLine(ada.id, number, null, new Date(clock))).toBe(true);
      expect(await repository.addLine(ada.id, number, null, new Date(clock))).toBe(false);
      expect(
        await repository.addLine(bob.id, number, new Date('2030-01-01T00:00:00Z'), new Date(clock)),
      ).toBe(false);
      const lines = await repository.findLinesOf([number.e164, aPhoneNumber()]);
      expect(lines.map((line) => [line.number, line.owner.id])).toEqual([[number.e164, ada.id]]);
    });

    it('stores exactly one of many concurrent overlapping lines of a number', async () => {
      const customers = [
        aCustomer([]),
        aCustomer([]),
        aCustomer([]),
        aCustomer([]),
        aCustomer([]),
        aCustomer([]),
      ];
      for (const customer of customers) await repository.add(customer);
      const number = PhoneNumber.parse(aPhoneNumber());
      const added = await Promise.all(
        customers.map((customer, index) =>
          repository.addLine(
            customer.id,
            number,
            index % 2 ? null : new Date(clock + index),
            new Date(clock),
          ),
        ),
      );
      expect(added.filter(Boolean)).toHaveLength(1);
      expect(await repository.linesOfNumber(number.e164)).toHaveLength(1);
    });

    it('keeps a released number for its next owner from the release on, and both lines', async () => {
      const ada = aCustomer();
      const bob = aCustomer();
      await repository.add(ada);
      await repository.add(bob);
      const number = PhoneNumber.parse(aPhoneNumber());
      const release = new Date('2026-10-10T00:00:00Z');
      await repository.addLine(ada.id, number, new Date('2026-09-01T00:00:00Z'), new Date(clock));
      expect(await repository.addLine(bob.id, number, release, new Date(clock))).toBe(false);
      expect(await repository.releaseLine(ada.id, number.e164, release)).toBe(true);
      expect(await repository.releaseLine(ada.id, number.e164, release)).toBe(false);
      expect(await repository.addLine(bob.id, number, new Date(release.getTime() - 1), new Date(clock))).toBe(
        false,
      );
      expect(await repository.addLine(bob.id, number, release, new Date(clock + 1))).toBe(true);
      expect(await repository.linesOfNumber(number.e164)).toEqual([
        { number: number.e164, customerId: ada.id, from: new Date('2026-09-01T00:00:00Z'), until: release },
        { number: number.e164, customerId: bob.id, from: release, until: null },
      ]);
      const found = await repository.findById(ada.id);
      expect(found?.lines.find((line) => line.number.equals(number))).toEqual({
        number,
        from: new Date('2026-09-01T00:00:00Z'),
        until: release,
      });
      expect(found?.phoneNumbers.map((n) => n.e164)).not.toContain(number.e164);
    });

    it('refuses a customer whose number has a released line, storing nothing', async () => {
      const ada = aCustomer();
      await repository.add(ada);
      await repository.releaseLine(ada.id, ada.phoneNumbers[0].e164, new Date('2026-10-10T00:00:00Z'));
      const second = aCustomer([ada.phoneNumbers[0].e164]);
      await expect(repository.add(second)).rejects.toBeInstanceOf(PhoneNumberTakenError);
      expect(await repository.findById(second.id)).toBeNull();
    });

    it('gives back copies: a change to a customer read back is stored only when saved', async () => {
      const customer = aCustomer();
      await repository.add(customer);
      customer.changePlan('flat', new Date('2026-10-15T00:00:00Z')); // the registered object itself
      const read = await repository.findById(customer.id);
      read!.changePlan('prepaid', new Date('2026-10-15T00:00:00Z'));
      const again = await repository.findById(customer.id);
      expect(again).not.toBe(read);
      expect(again?.planHistory.entries).toEqual([{ plan: 'postpaid', from: null }]);
      expect(again?.phoneNumbers.map((n) => n.e164)).toEqual(customer.phoneNumbers.map((n) => n.e164));
    });

    it('gives the numbers oldest first, those added together by number', async () => {
      // Numbers of their own range, in a known order (aPhoneNumber's are +3519120...).
      const base = 965_000_000 + Math.floor(Math.random() * 900_000) * 3;
      const [later, low, high] = [base, base + 1, base + 2].map((n) => `+351${n}`);
      const customer = aCustomer([high, low]);
      await repository.add(customer);
      await repository.addLine(customer.id, PhoneNumber.parse(later), null, new Date(clock + 60_000));
      const found = await repository.findById(customer.id);
      expect(found?.phoneNumbers.map((n) => n.e164)).toEqual([low, high, later]);
      const listed = (await repository.list(100, null)).find((c) => c.id === customer.id);
      expect(listed?.phoneNumbers.map((n) => n.e164)).toEqual([low, high, later]);
    });

    it('refuses a number for a customer that does not exist', async () => {
      await expect(
        repository.addLine(
          '6f1c1f4e-3f5a-4f0e-9d7e-2b8c5a1d9e01',
          PhoneNumber.parse(aPhoneNumber()),
          null,
          new Date(clock),
        ),
      ).rejects.toBeInstanceOf(CustomerNotFoundError);
    });

    it('finds the owners of lines as records, without their numbers', async () => {
      const customer = aCustomer([aPhoneNumber(), aPhoneNumber()], 'Asia/Tokyo');
      await repository.add(customer);
      const lines = await repository.findLinesOf([customer.phoneNumbers[1].e164]);
      expect(
        lines.map(({ number, customerId, from, until }) => ({ number, customerId, from, until })),
      ).toEqual([
        { number: customer.phoneNumbers[1].e164, customerId: customer.id, from: null, until: null },
      ]);
      const owner = lines[0].owner;
      expect(owner).toEqual({
        id: customer.id,
        name: 'Ada',
        email: null,
        timezone: customer.timezone,
        planHistory: customer.planHistory,
        billingAddress: null,
        createdAt: customer.createdAt,
      });
      expect(owner).not.toHaveProperty('lines');
    });

    it('saves a plan change without touching the numbers added meanwhile', async () => {
      const customer = aCustomer();
      await repository.add(customer);
      const read = (await repository.findById(customer.id))!;
      const added = PhoneNumber.parse(aPhoneNumber());
      await repository.addLine(customer.id, added, null, new Date(clock + 1));
      read.changePlan('flat', new Date('2026-10-15T00:00:00Z'));
      await repository.savePlanHistory(read);
      const found = await repository.findById(customer.id);
      expect(found?.planHistory.entries).toEqual([
        { plan: 'postpaid', from: null },
        { plan: 'flat', from: '2026-11' },
      ]);
      expect(found?.phoneNumbers.map((n) => n.e164)).toEqual([customer.phoneNumbers[0].e164, added.e164]);
    });

    it('saves a plan change', async () => {
      const customer = aCustomer();
      await repository.add(customer);
      customer.changePlan('flat', new Date('2026-10-15T00:00:00Z'));
      await repository.savePlanHistory(customer);
      const found = await repository.findById(customer.id);
      expect(found?.planHistory.entries).toEqual([
        { plan: 'postpaid', from: null },
        { plan: 'flat', from: '2026-11' },
      ]);
    });

    it('finds the plans missing from a catalog that customers are on or will move to, each customer once', async () => {
      const [gold, silver] = [`gold-${Date.now()}`, `silver-${Date.now()}`];
      const changed = (plan: string, at: string, customer = aCustomer()) => {
        customer.changePlan(plan, new Date(at)); // in force from the period after `at`
        return customer;
      };
      const onGoldSinceSeptember = changed(
        silver,
        '2026-11-20T00:00:00Z',
        changed(gold, '2026-08-15T00:00:00Z'),
      );
      const movingToGold = changed(gold, '2026-11-20T00:00:00Z');
      const movingToSilver = changed(silver, '2026-11-20T00:00:00Z');
      const leftGoldInAugust = changed(
        'postpaid',
        '2026-07-15T00:00:00Z',
        changed(gold, '2026-05-15T00:00:00Z'),
      );
      for (const customer of [
        onGoldSinceSeptember,
        movingToGold,
        movingToSilver,
        leftGoldInAugust,
        aCustomer(),
      ]) {
        await repository.add(customer);
      }
      expect(await repository.onPlansOutside(['postpaid', 'flat'], '2026-10')).toEqual({
        plans: [gold, silver],
        customers: 3,
      });
      expect(await repository.onPlansOutside(['postpaid', 'flat', gold, silver], '2026-10')).toEqual({
        plans: [],
        customers: 0,
      });
    });

    it('lists oldest first after a keyset cursor', async () => {
      const first = aCustomer();
      const second = aCustomer();
      const third = aCustomer();
      for (const customer of [third, first, second]) await repository.add(customer);
      const all = await repository.list(100, null);
      const ours = all.filter((c) => [first.id, second.id, third.id].includes(c.id)).map((c) => c.id);
      expect(ours).toEqual([first.id, second.id, third.id]);
      const after = await repository.list(100, { createdAt: first.createdAt, id: first.id });
      expect(after.map((c) => c.id)).toEqual(expect.arrayContaining([second.id, third.id]));
      expect(after.map((c) => c.id)).not.toContain(first.id);
    });

    it('lists records in the same order, with time zone, plan history and creation time', async () => {
      const first = aCustomer([aPhoneNumber()], 'Asia/Tokyo');
      const second = aCustomer();
      for (const customer of [second, first]) await repository.add(customer);
      const records = (await repository.listRecords(100, null)).filter((c) =>
        [first.id, second.id].includes(c.id),
      );
      expect(records.map((c) => c.id)).toEqual([first.id, second.id]);
      expect(records[0].timezone.name).toBe('Asia/Tokyo');
      expect(records[0].planHistory.entries).toEqual([{ plan: 'postpaid', from: null }]);
      expect(records[0].createdAt.getTime()).toBe(first.createdAt.getTime());
      expect(records[0]).not.toHaveProperty('phoneNumbers');
      const after = await repository.listRecords(100, { createdAt: first.createdAt, id: first.id });
      expect(after.map((c) => c.id)).toContain(second.id);
      expect(after.map((c) => c.id)).not.toContain(first.id);
    });
  });
}

let service: TestApp;
beforeAll(async () => {
  service = await startTestApp();
});
afterAll(() => service.close());

customerRepositoryContract('in-memory', () => new InMemoryCustomerRepository());
customerRepositoryContract(
  'MikroORM (PostgreSQL)',
  () => new MikroOrmCustomerRepository(service.app.get(Database), service.app.get(UnitOfWork)),
);
