import { randomBytes, randomUUID } from 'node:crypto';
import { CustomerApiKeyRepository } from '../../src/auth/application/customer-api-key.repository';
import { InMemoryCustomerApiKeyRepository } from '../../src/auth/infrastructure/in-memory-customer-api-key.repository';
import { CustomerRepository } from '../../src/customers/application/customer.repository';
import { InMemoryCustomerRepository } from '../../src/customers/infrastructure/in-memory-customer.repository';
import { aRegisteredCustomer } from '../support/domain-mothers';
import { startTestApp, TestApp } from '../support/test-app';

/** One contract, two adapters: the in-memory fake can never drift from the real repository. */
function customerApiKeyRepositoryContract(
  name: string,
  make: () => { keys: CustomerApiKeyRepository; customers: CustomerRepository },
) {
  describe(`CustomerApiKeyRepository contract: ${name}`, () => {
    let keys: CustomerApiKeyRepository;
    let customers: CustomerRepository;
    const now = new Date('2026-10-15T12:00:00Z');
    const aHash = () => randomBytes(32);

    beforeEach(() => ({ keys, customers } = make()));

    async function aStoredCustomer(): Promise<string> {
      const customer = aRegisteredCustomer();
      await customers.add(customer);
      return customer.id;
    }

    it("stores a customer's key hash and answers it", async () => {
      const customerId = await aStoredCustomer();
      const hash = aHash();
      expect(await keys.replace(customerId, hash, now)).toBe(true);
      expect((await keys.hashOf(customerId))?.equals(hash)).toBe(true);
    });

    it('keeps only the latest key of a customer', async () => {
      const customerId = await aStoredCustomer();
      const [first, second] = [aHash(), aHash()];
      await keys.replace(customerId, first, now);
      await keys.replace(customerId, second, now);
      expect((await keys.hashOf(customerId))?.equals(second)).toBe(true);
    });

    it('answers null for a customer without a key', async () => {
      expect(await keys.hashOf(await aStoredCustomer())).toBeNull();
    });

    it('refuses a key for a customer that does not exist, storing nothing', async () => {
      const unknown = randomUUID();
      expect(await keys.replace(unknown, aHash(), now)).toBe(false);
      expect(await keys.hashOf(unknown)).toBeNull();
    });
  });
}

let service: TestApp;
beforeAll(async () => {
  service = await startTestApp();
});
afterAll(() => service.close());

customerApiKeyRepositoryContract('in-memory', () => {
  const customers = new InMemoryCustomerRepository();
  return {
    customers,
    keys: new InMemoryCustomerApiKeyRepository(async (id) => (await customers.findById(id)) !== null),
  };
});
customerApiKeyRepositoryContract('MikroORM (PostgreSQL)', () => ({
  keys: service.app.get(CustomerApiKeyRepository),
  customers: service.app.get(CustomerRepository),
}));
