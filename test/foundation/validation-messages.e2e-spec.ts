import { aCustomer, CreatedCustomer } from '../support/mothers';
import { startTestApp, TestApp } from '../support/test-app';

describe('Validation messages: one true message per broken rule', () => {
  let service: TestApp;
  let customer: CreatedCustomer;

  beforeAll(async () => {
    service = await startTestApp();
    customer = await aCustomer(service);
  });
  afterAll(() => service.close());

  it.each(['2.5', '0', '501', 'abc', '1e2'])(
    'answers ?limit=%s with one message, and a true one',
    async (limit) => {
      for (const path of [
        '/v1/customers',
        `/v1/customers/${customer.id}/calls`,
        `/v1/customers/${customer.id}/invoices`,
      ]) {
        const response = await service.http().get(`${path}?limit=${limit}`).expect(400);
        expect(response.body.errors).toEqual([
          { field: 'limit', message: 'limit must be a whole number from 1 to 500' },
        ]);
        expect(response.body.detail).toBe('limit: limit must be a whole number from 1 to 500');
      }
    },
  );

  it('names an empty field name as [""], and a missing required field as required', async () => {
    const response = await service.http().post('/v1/customers').send({ '': 1 }).expect(400);
    expect(response.body.errors).toEqual([
      { field: '[""]', message: 'is not a known field' },
      { field: 'name', message: 'name is required' },
    ]);
    expect(response.body.detail).toBe('[""]: is not a known field (and 1 more: see errors)');
  });

  it('gives a field of the wrong type one message', async () => {
    const response = await service.http().post('/v1/customers').send({ name: 42, email: 7 }).expect(400);
    expect(response.body.errors).toEqual([
      { field: 'name', message: 'name must be a string' },
      { field: 'email', message: 'email must be an email address of at most 254 characters' },
    ]);
  });

  it('says to write a + as %2B when a phone number in a query string arrives with a space', async () => {
    const response = await service
      .http()
      .get(`/v1/customers/${customer.id}/calls?phoneNumber=+351912345678`)
      .expect(400);
    expect(response.body.errors).toEqual([
      {
        field: 'phoneNumber',
        message:
          'phoneNumber must start with a + written as %2B in a query string (a literal + reads as a space): ?phoneNumber=%2B351912345678',
      },
    ]);
    await service
      .http()
      .get(`/v1/customers/${customer.id}/calls?phoneNumber=${encodeURIComponent(customer.phoneNumber)}`)
      .expect(200);
  });

  it('repeats at most 64 characters of what the client sent', async () => {
    const long = `+${'9'.repeat(10_000)}`;
    const response = await service
      .http()
      .post('/v1/customers')
      .send({ name: 'Ada', phoneNumbers: [long] })
      .expect(400);
    expect(response.body.detail.length).toBeLessThan(200);
    expect(response.body.detail).toContain('…');
  });
});
