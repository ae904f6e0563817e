import { aCustomer } from '../support/mothers';
import { startTestApp, TestApp } from '../support/test-app';

const LISBON = { line1: 'Rua Augusta 100', city: 'Lisboa', postalCode: '1100-053', country: 'PT' };
const STORED_LISBON = { ...LISBON, line2: null, region: null };

describe("A customer's billing address", () => {
  let service: TestApp;

  beforeAll(async () => {
    service = await startTestApp({ now: '2026-10-15T12:00:00Z' });
  });
  afterAll(() => service.close());

  const patch = (id: string, body: unknown) =>
    service
      .http()
      .patch(`/v1/customers/${id}`)
      .send(body as object);

  it('is taken when the customer is created, and read back; null when none was given', async () => {
    const ada = await aCustomer(service, { billingAddress: { ...LISBON, line1: '  Rua Augusta 100  ' } });
    expect(ada.body.billingAddress).toEqual(STORED_LISBON);
    const read = await service.http().get(`/v1/customers/${ada.id}`).expect(200);
    expect(read.body.billingAddress).toEqual(STORED_LISBON);
    expect((await aCustomer(service)).body.billingAddress).toBeNull();
    expect((await aCustomer(service, { billingAddress: null })).body.billingAddress).toBeNull();
  });

  it('prints Latin, Greek and Cyrillic as written', async () => {
    const address = {
      line1: 'ул. Тверская 1',
      line2: 'кв. 5',
      city: 'Москва',
      postalCode: '125009',
      country: 'RU',
    };
    const customer = await aCustomer(service, { name: 'Дмитрий', billingAddress: address });
    expect(customer.body.billingAddress).toEqual({ ...address, region: null });
    const greek = { line1: 'Οδός Ερμού 10', city: 'Αθήνα', country: 'GR', region: 'Αττική' };
    await patch(customer.id, { billingAddress: greek }).expect(200);
  });

  it('is set later by the operator with PATCH, merged field by field (RFC 7396), and cleared with null', async () => {
    const customer = await aCustomer(service);
    const set = await patch(customer.id, { billingAddress: LISBON }).expect(200);
    expect(set.body.billingAddress).toEqual(STORED_LISBON);

    const merged = await patch(customer.id, {
      billingAddress: { line2: '3.º esquerdo', postalCode: null },
    }).expect(200);
    expect(merged.body.billingAddress).toEqual({ ...STORED_LISBON, line2: '3.º esquerdo', postalCode: null });

    const untouched = await patch(customer.id, {}).expect(200);
    expect(untouched.body.billingAddress).toEqual(merged.body.billingAddress);
    expect(untouched.body).toMatchObject({
      id: customer.id,
      name: 'Ada Lovelace',
      phoneNumbers: [customer.phoneNumber],
    });

    const cleared = await patch(customer.id, { billingAddress: null }).expect(200);
    expect(cleared.body.billingAddress).toBeNull();
    const stored = await service.sql<{ billing_address: unknown }>(
      'SELECT billing_address FROM customers WHERE id = $1',
      [customer.id],
    );
    expect(stored[0].billing_address).toBeNull();
  });

  it('refuses a bad address with a 400 problem naming the field, and changes nothing', async () => {
    const customer = await aCustomer(service, { billingAddress: LISBON });
    const refusals: [unknown, string][] = [
      [{ ...LISBON, country: 'XX' }, 'billingAddress.country'],
      [{ ...LISBON, country: 'pt' }, 'billingAddress.country'],
      [{ ...LISBON, line1: 'Rua Augusta\n100' }, 'billingAddress.line1'],
      [{ ...LISBON, line1: '   ' }, 'billingAddress.line1'],
      [{ ...LISBON, city: 'x'.repeat(101) }, 'billingAddress.city'],
      [{ ...LISBON, floor: 3 }, 'billingAddress.floor'],
      [{ ...LISBON, postalCode: 1100 }, 'billingAddress.postalCode'],
      [{ line1: 'Rua Augusta 100', country: 'PT' }, 'billingAddress.city'],
      ['Rua Augusta 100, Lisboa', 'billingAddress'],
      [[LISBON], 'billingAddress'],
    ];
    for (const [billingAddress, field] of refusals) {
      const created = await service
        .http()
        .post('/v1/customers')
        .send({ name: 'X', billingAddress })
        .expect(400);
      expect(created.headers['content-type']).toContain('application/problem+json');
      expect({ field, errors: created.body.errors }).toEqual({
        field,
        errors: [expect.objectContaining({ field })],
      });
    }
    const patched = await patch(customer.id, { billingAddress: { city: null } }).expect(400);
    expect(patched.body.type).toContain('/problems/invalid-billing-address');
    expect(patched.body.errors).toEqual([expect.objectContaining({ field: 'billingAddress.city' })]);
    const unknown = await patch(customer.id, { name: 'Renamed' }).expect(400);
    expect(unknown.body.errors).toEqual([{ field: 'name', message: 'is not a known field' }]);
    const hostile = await patch(customer.id, { billingAddress: { line1: 'a\u0000b' } }).expect(400);
    expect(hostile.body.errors).toEqual([expect.objectContaining({ field: 'billingAddress.line1' })]);

    const read = await service.http().get(`/v1/customers/${customer.id}`).expect(200);
    expect(read.body.billingAddress).toEqual(STORED_LISBON);
  });

  it("answers 404 for an unknown customer and 403 to a customer's own key", async () => {
    await patch('6f1c1f4e-3f5a-4f0e-9d7e-2b8c5a1d9e00', { billingAddress: LISBON }).expect(404);
    const customer = await aCustomer(service);
    const own = await service
      .anonymous()
      .patch(`/v1/customers/${customer.id}`)
      .set('Authorization', `Bearer ${customer.apiKey}`)
      .send({ billingAddress: LISBON })
      .expect(403);
    expect(own.body.type).toContain('/problems/operator-key-required');
  });

  it('documents the address in Customer and the PATCH operation in the OpenAPI document', async () => {
    const { body: openApi } = await service.anonymous().get('/docs-json').expect(200);
    const customer = openApi.components.schemas.CustomerResponse;
    expect(customer.required).toContain('billingAddress');
    expect(customer.properties.billingAddress).toMatchObject({
      type: 'object',
      nullable: true,
      additionalProperties: false,
      required: ['line1', 'line2', 'city', 'postalCode', 'region', 'country'],
      properties: { country: { pattern: '^[A-Z]{2}$' }, line1: { maxLength: 200 } },
    });
    const created = openApi.components.schemas.RegisterCustomerDto.properties.billingAddress;
    expect(created).toMatchObject({ nullable: true, required: ['line1', 'city', 'country'] });
    const operation = openApi.paths['/v1/customers/{customerId}'].patch;
    expect(Object.keys(operation.responses)).toEqual(
      expect.arrayContaining(['200', '400', '401', '403', '404']),
    );
  });
});
