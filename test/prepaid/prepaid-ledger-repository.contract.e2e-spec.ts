import { CustomerRepository } from '../../src/customers/application/customer.repository';
import { InMemoryCustomerRepository } from '../../src/customers/infrastructure/in-memory-customer.repository';
import { PrepaidLedgerRepository } from '../../src/prepaid/application/prepaid-ledger.repository';
import { InMemoryPrepaidLedgerRepository } from '../../src/prepaid/infrastructure/in-memory-prepaid-ledger.repository';
import { Money } from '../../src/shared/domain/money';
import { UnitOfWork } from '../../src/shared/transactions/unit-of-work';
import { aRegisteredCustomer } from '../support/domain-mothers';
import { startTestApp, TestApp } from '../support/test-app';

const usd = (amount: string) => Money.of(amount, 'USD');

interface Adapters {
  ledger: PrepaidLedgerRepository;
  customers: CustomerRepository;
  /** Balances are locked for as long as a unit of work runs. */
  inUnitOfWork: <T>(work: () => Promise<T>) => Promise<T>;
}

/** One contract, two adapters: the in-memory fake can never drift from the real repository. */
function prepaidLedgerRepositoryContract(name: string, make: () => Adapters) {
  describe(`PrepaidLedgerRepository contract: ${name}`, () => {
    let ledger: PrepaidLedgerRepository;
    let customers: CustomerRepository;
    let inUnitOfWork: Adapters['inUnitOfWork'];
    const now = new Date('2026-10-15T12:00:00Z');

    beforeEach(() => ({ ledger, customers, inUnitOfWork } = make()));

    async function aPrepaidCustomer(): Promise<string> {
      const customer = aRegisteredCustomer({ plan: 'prepaid' });
      await customers.add(customer);
      return customer.id;
    }

    it('records a top-up once per customer and reference, and answers its amount', async () => {
      const [ada, bob] = [await aPrepaidCustomer(), await aPrepaidCustomer()];
      expect(await ledger.recordTopUp(ada, { amount: usd('10.00'), reference: 'pay-1' }, now)).toBe(true);
      expect(await ledger.recordTopUp(ada, { amount: usd('99.00'), reference: 'pay-1' }, now)).toBe(false);
      expect(await ledger.recordTopUp(bob, { amount: usd('5.00'), reference: 'pay-1' }, now)).toBe(true);
      expect((await ledger.topUpAmount(ada, 'pay-1'))?.toString()).toBe('10.00');
      expect(await ledger.topUpAmount(ada, 'pay-2')).toBeNull();
    });

    it('answers a zero balance in the currency asked for a customer without one', async () => {
      const balance = await ledger.balance(await aPrepaidCustomer(), 'EUR');
      expect(balance.isZero()).toBe(true);
      expect(balance.currency).toBe('EUR');
    });

    it('adds to a balance, creating it first', async () => {
      const customerId = await aPrepaidCustomer();
      expect((await ledger.addToBalance(customerId, usd('10.00'))).toString()).toBe('10.00');
      expect((await ledger.addToBalance(customerId, usd('0.005'))).toString()).toBe('10.005');
      expect((await ledger.balance(customerId, 'USD')).toString()).toBe('10.005');
    });

    it('locks balances, creating the missing ones at zero, and stores what call debits leave', async () => {
      const [ada, bob] = [await aPrepaidCustomer(), await aPrepaidCustomer()];
      await ledger.addToBalance(ada, usd('1.00'));
      await inUnitOfWork(async () => {
        const locked = await ledger.lockBalances([
          { customerId: ada, currency: 'USD' },
          { customerId: bob, currency: 'USD' },
        ]);
        expect(locked.get(ada)?.balance.equals(usd('1'))).toBe(true);
        expect(locked.get(bob)?.balance.isZero()).toBe(true);
        expect([locked.get(ada)?.lowBalance, locked.get(bob)?.lowBalance]).toEqual([
          { armed: true },
          { armed: true },
        ]);
        await ledger.recordCallDebits(
          [
            { callId: '0b7c6f0e-6a44-4e8e-9d1b-2f5c8f4c1a11', customerId: ada, charge: usd('0.06') },
            { callId: '0b7c6f0e-6a44-4e8e-9d1b-2f5c8f4c1a12', customerId: bob, charge: usd('0.045') },
          ],
          new Map([
            [ada, usd('0.94')],
            [bob, usd('-0.045')],
          ]),
          now,
        );
      });
      expect((await ledger.balance(ada, 'USD')).toString()).toBe('0.94');
      expect((await ledger.balance(bob, 'USD')).toString()).toBe('-0.045');
    });

    it("credits invoices to their customers' balances, answering the new balances", async () => {
      const [ada, bob, cyd] = [await aPrepaidCustomer(), await aPrepaidCustomer(), await aPrepaidCustomer()];
      await ledger.addToBalance(ada, usd('-0.50'));
      await ledger.addToBalance(bob, usd('2.00'));
      const after = await ledger.recordInvoiceCredits(
        [
          {
            invoiceId: '7d1b3c2e-9f4a-4b8c-a1d2-3e4f5a6b7c81',
            customerId: ada,
            amount: usd('0.50'),
            plan: 'prepaid',
          },
          {
            invoiceId: '7d1b3c2e-9f4a-4b8c-a1d2-3e4f5a6b7c82',
            customerId: bob,
            amount: usd('0.125'),
            plan: 'prepaid',
          },
          {
            invoiceId: '7d1b3c2e-9f4a-4b8c-a1d2-3e4f5a6b7c83',
            customerId: cyd,
            amount: usd('1.00'),
            plan: 'prepaid',
          },
        ],
        now,
      );
      expect(new Map([...after].map(([id, balance]) => [id, balance.toString()]))).toEqual(
        new Map([
          [ada, '0.00'],
          [bob, '2.125'],
        ]),
      );
      expect((await ledger.balance(ada, 'USD')).isZero()).toBe(true);
      expect((await ledger.balance(bob, 'USD')).toString()).toBe('2.125');
    });

    it("keeps each balance's low-balance alert state, armed from the start, under the lock", async () => {
      const [ada, bob] = [await aPrepaidCustomer(), await aPrepaidCustomer()];
      await ledger.addToBalance(ada, usd('10.00'));
      await ledger.addToBalance(bob, usd('10.00'));
      const states = () =>
        inUnitOfWork(async () => {
          const locked = await ledger.lockBalances([
            { customerId: ada, currency: 'USD' },
            { customerId: bob, currency: 'USD' },
          ]);
          return [locked.get(ada)?.lowBalance.armed, locked.get(bob)?.lowBalance.armed];
        });
      expect(await states()).toEqual([true, true]);
      await inUnitOfWork(() => ledger.setLowBalanceArmed([ada], false));
      expect(await states()).toEqual([false, true]);
      await inUnitOfWork(() => ledger.setLowBalanceArmed([ada, bob], true));
      expect(await states()).toEqual([true, true]);
    });
  });
}

let service: TestApp;
beforeAll(async () => {
  service = await startTestApp();
});
afterAll(() => service.close());

prepaidLedgerRepositoryContract('in-memory', () => ({
  ledger: new InMemoryPrepaidLedgerRepository(),
  customers: new InMemoryCustomerRepository(),
  inUnitOfWork: (work) => work(),
}));
prepaidLedgerRepositoryContract('MikroORM (PostgreSQL)', () => ({
  ledger: service.app.get(PrepaidLedgerRepository),
  customers: service.app.get(CustomerRepository),
  inUnitOfWork: (work) => service.app.get(UnitOfWork).transactional(work),
}));
