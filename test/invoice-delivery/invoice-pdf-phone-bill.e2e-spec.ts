import { PDFParse } from 'pdf-parse';
import { deliveryEnv } from '../support/delivery';
import { aCall, aCustomer, type CreatedCustomer, postCalls } from '../support/mothers';
import { startTestApp, type TestApp } from '../support/test-app';

const ISSUER = {
  INVOICE_ISSUER_ADDRESS: 'Avenida da Liberdade 1 | 1250-096 Lisboa | Portugal',
  INVOICE_ISSUER_TAX_ID: 'PT 509 999 999',
  INVOICE_ISSUER_CONTACT: 'support@acme.test',
  INVOICE_PAYMENT_TERMS_DAYS: '10',
};
const ON_TIME = 130;
const destinationOf = (index: number) => `+1415555${String(index).padStart(4, '0')}`;

async function pagesOf(pdf: Buffer): Promise<string[]> {
  const parser = new PDFParse({ data: new Uint8Array(pdf) });
  try {
    return (await parser.getText()).pages.map((page) => page.text);
  } finally {
    await parser.destroy();
  }
}

describe('The invoice PDF as a phone bill, from stored calls', () => {
  let service: TestApp;
  let eleni: CreatedCustomer;
  let october: { id: string; number: string };

  const issue = async (customer: CreatedCustomer, period: string) =>
    (await service.http().post(`/v1/customers/${customer.id}/invoices`).send({ period }).expect(201))
      .body as {
      id: string;
      number: string;
    };
  const pdf = async (invoiceId: string) =>
    (await service.http().get(`/v1/invoices/${invoiceId}/pdf`).buffer(true).expect(200)).body as Buffer;

  beforeAll(async () => {
    service = await startTestApp({ env: deliveryEnv({}, ISSUER) });
    service.clock.set('2026-09-01T08:00:00Z');
    eleni = await aCustomer(service, {
      name: 'Ελένη Παπαδοπούλου',
      timezone: 'Europe/Lisbon',
      billingAddress: { line1: 'ul. Piotrkowska 1', city: 'Łódź', postalCode: '90-001', country: 'PL' },
    });
    service.clock.set('2026-09-15T08:00:00Z');
    await postCalls(service, [aCall({ phoneNumber: eleni.phoneNumber, startedAt: '2026-09-10T10:00:00Z' })]);
    service.clock.set('2026-10-01T00:05:00Z');
    await issue(eleni, '2026-09');

    service.clock.set('2026-10-31T12:00:00Z');
    await postCalls(
      service,
      Array.from({ length: ON_TIME }, (_, index) =>
        aCall({
          phoneNumber: eleni.phoneNumber,
          destination: destinationOf(index),
          startedAt: new Date(Date.UTC(2026, 9, 2, 8, index * 7)).toISOString(),
          minutes: 1 + (index % 4),
        }),
      ),
    );
    // September is invoiced: this one is late, and the October invoice bills it.
    await postCalls(service, [
      aCall({
        phoneNumber: eleni.phoneNumber,
        destination: destinationOf(9999),
        startedAt: '2026-09-20T21:30:00Z',
        minutes: 2,
      }),
    ]);
    service.clock.set('2026-11-01T00:05:00Z');
    october = await issue(eleni, '2026-10');
  });
  afterAll(() => service.close());

  it('lists every call the invoice billed exactly once, the late one marked, over numbered pages with repeated titles', async () => {
    const pages = await pagesOf(await pdf(october.id));
    expect(pages.length).toBeGreaterThanOrEqual(3);
    pages.forEach((text, index) => {
      expect(text).toContain(`${index + 1} / ${pages.length}`);
      expect(text).toMatch(/Date\s+Time\s+Line\s+Destination\s+Duration\s+Charge/);
    });
    const listed = pages.join('\n').match(/\+1415555\d{4}/g)!;
    // Oldest first: the late September call, then October's in order.
    expect(listed).toEqual([
      destinationOf(9999),
      ...Array.from({ length: ON_TIME }, (_, index) => destinationOf(index)),
    ]);
    // 21:30 UTC on 20 September is 22:30 in Lisbon; 2 minutes at 0.02.
    expect(pages[0]).toMatch(/2026-09-20 \*\s+22:30:00\s+\+351\d+\s+\+14155559999\s+2 min\s+0\.04/);
  });

  it('shows the issuer block, the billing address, the dates and the summary, and no internal id', async () => {
    const pages = await pagesOf(await pdf(october.id));
    for (const expected of [
      'Acme Telecom',
      'Avenida da Liberdade 1',
      '1250-096 Lisboa',
      'Tax ID PT 509 999 999',
      'Support support@acme.test',
      'Ελένη Παπαδοπούλου',
      'ul. Piotrkowska 1',
      '90-001 Łódź',
      'Poland',
      october.number,
      'Invoice date 2026-11-01',
      'Due date 2026-11-11',
      'October 2026 (2026-10)',
      eleni.phoneNumber,
      'Please pay by 2026-11-11.',
      'Questions about this bill? support@acme.test',
    ])
      expect(pages[0]).toContain(expected);
    const invoice = (await service.http().get(`/v1/invoices/${october.id}`).expect(200)).body as {
      total: { amount: string };
    };
    expect(pages[0]).toContain(`Total due ${invoice.total.amount} USD`);
    const all = pages.join('\n');
    expect(all).not.toContain(october.id);
    expect(all).not.toContain(eleni.id);
    expect(all).not.toMatch(/round/i);
  });

  it('has the same bytes every time', async () => {
    const first = await pdf(october.id);
    service.clock.advance(5 * 24 * 3600 * 1000);
    expect((await pdf(october.id)).equals(first)).toBe(true);
  });

  it('shows a prepaid customer the balance before the period and after the invoice', async () => {
    service.clock.set('2026-09-15T00:00:00Z');
    const prepaid = await aCustomer(service, { name: 'Дмитрий', plan: 'prepaid', timezone: 'UTC' });
    await service
      .http()
      .post(`/v1/customers/${prepaid.id}/top-ups`)
      .send({ amount: '5.00', reference: 'p1' })
      .expect(201);
    service.clock.set('2026-10-20T00:00:00Z');
    await postCalls(service, [
      aCall({ phoneNumber: prepaid.phoneNumber, startedAt: '2026-10-05T10:00:00Z', minutes: 3 }),
    ]);
    service.clock.set('2026-11-01T00:05:00Z');
    const invoice = await issue(prepaid, '2026-10');
    const [first] = await pagesOf(await pdf(invoice.id));
    expect(first).toContain('Дмитрий');
    expect(first).toContain('Prepaid balance before this period: 5.00 USD.');
    expect(first).toContain('Prepaid balance after this invoice: 4.94 USD.');
  });
});
