import { PhoneNumberTakenError } from '../../src/customers/domain/customer.errors';
import { aPhoneNumber } from '../support/mothers';
import { inMemoryService, type InMemoryService } from './in-memory-service';

/** Registering a customer with its first API key (`RegisterCustomerUseCase`), on the in-memory adapters. */
describe('Registering a customer', () => {
  let service: InMemoryService;

  beforeEach(() => {
    service = inMemoryService();
  });

  it('gives the customer a key that authenticates it, shown once', async () => {
    const { customer, apiKey } = await service.registerCustomer.execute({
      name: 'Ada',
      phoneNumbers: [aPhoneNumber()],
    });
    expect(await service.authenticate.execute(apiKey)).toEqual({ kind: 'customer', customerId: customer.id });
    expect(await service.directory.get(customer.id)).toMatchObject({ id: customer.id, name: 'Ada' });
  });

  it('stores neither the customer nor a key when one of its lines is taken', async () => {
    const taken = aPhoneNumber();
    await service.registerCustomer.execute({ name: 'Bob', phoneNumbers: [taken] });
    const replace = jest.spyOn(service.adapters.keys, 'replace');

    await expect(
      service.registerCustomer.execute({ name: 'Eve', phoneNumbers: [aPhoneNumber(), taken] }),
    ).rejects.toBeInstanceOf(PhoneNumberTakenError);
    expect(replace).not.toHaveBeenCalled();
    expect((await service.adapters.customers.list(10, null)).map((customer) => customer.name)).toEqual([
      'Bob',
    ]);
  });
});
