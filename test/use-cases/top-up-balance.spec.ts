import { NotOnPrepaidPlanError, TopUpReferenceConflictError } from '../../src/prepaid/domain/prepaid.errors';
import { aPhoneNumber } from '../support/mothers';
import { inMemoryService, type InMemoryService } from './in-memory-service';

/** Topping up a prepaid balance (`TopUpBalanceUseCase`), on the in-memory adapters. */
describe('Topping up a prepaid balance', () => {
  let service: InMemoryService;

  beforeEach(() => {
    service = inMemoryService();
  });

  const aCustomer = async (plan: string) =>
    (await service.registerCustomer.execute({ name: 'Ada', plan, phoneNumbers: [aPhoneNumber()] })).customer
      .id;

  it('credits once per reference; a replay answers the balance and credits nothing', async () => {
    const customerId = await aCustomer('prepaid');
    const first = await service.topUpBalance.execute(customerId, '10.00', 'pay-1');
    const replay = await service.topUpBalance.execute(customerId, '10.00', 'pay-1');
    const second = await service.topUpBalance.execute(customerId, '2.50', 'pay-2');

    expect([first, replay, second].map(({ credited, balance }) => [credited, balance.toString()])).toEqual([
      [true, '10.00'],
      [false, '10.00'],
      [true, '12.50'],
    ]);
    expect(service.adapters.ledger.entries.map((entry) => entry.reference)).toEqual(['pay-1', 'pay-2']);
  });

  it('refuses another amount under a known reference', async () => {
    const customerId = await aCustomer('prepaid');
    await service.topUpBalance.execute(customerId, '10.00', 'pay-1');
    await expect(service.topUpBalance.execute(customerId, '11.00', 'pay-1')).rejects.toBeInstanceOf(
      TopUpReferenceConflictError,
    );
    expect((await service.getBalance.execute(customerId)).balance.toString()).toBe('10.00');
  });

  it('refuses a customer whose plan in force is not prepaid', async () => {
    const customerId = await aCustomer('postpaid');
    await expect(service.topUpBalance.execute(customerId, '10.00', 'pay-1')).rejects.toBeInstanceOf(
      NotOnPrepaidPlanError,
    );
  });
});
