import { PDFParse } from 'pdf-parse';
import { anIssuedInvoice, deliveryEnv, type IssuedInvoice } from '../support/delivery';
import { aCustomer } from '../support/mothers';
import { startTestApp, type TestApp } from '../support/test-app';

describe('Reading an invoice as PDF and its deliveries', () => {
  let service: TestApp;
  let issued: IssuedInvoice;
  let stranger: string;

  beforeAll(async () => {
    service = await startTestApp({
      env: deliveryEnv({ webhookUrl: 'http://127.0.0.1:9/never-called' }),
    });
    issued = await anIssuedInvoice(service, { name: 'Ada Lovelace' });
    stranger = (await aCustomer(service)).apiKey!;
  });
  afterAll(() => service.close());

  const pdfOf = (invoiceId: string, key?: string) => {
    const request = service.anonymous().get(`/v1/invoices/${invoiceId}/pdf`).buffer(true);
    return key ? request.set('Authorization', `Bearer ${key}`) : request;
  };

  it('serves a one-page PDF with the invoice, the same bytes every time', async () => {
    const first = await service.http().get(`/v1/invoices/${issued.invoice.id}/pdf`).buffer(true).expect(200);
    expect(first.headers['content-type']).toBe('application/pdf');
    expect(first.headers['content-disposition']).toBe(`inline; filename="${issued.invoice.number}.pdf"`);
    service.clock.advance(3 * 24 * 3600 * 1000);
    const second = await service.http().get(`/v1/invoices/${issued.invoice.id}/pdf`).buffer(true).expect(200);
    expect(Buffer.compare(first.body as Buffer, second.body as Buffer)).toBe(0);

    const parser = new PDFParse({ data: new Uint8Array(first.body as Buffer) });
    const { text, total: pages } = await parser.getText();
    await parser.destroy();
    expect(pages).toBe(1);
    for (const expected of [
      'Acme Telecom',
      'Ada Lovelace',
      issued.invoice.number,
      'October 2026 (2026-10)',
      '2026-10-01 to 2026-10-31',
      'Europe/Lisbon',
      '5 minutes at 0.02 USD',
      '0.10 USD',
    ])
      expect(text).toContain(expected);
  });

  it("lets a customer's key read its own invoice's PDF and deliveries only", async () => {
    const own = await pdfOf(issued.invoice.id, issued.customer.apiKey).expect(200);
    expect((own.body as Buffer).subarray(0, 5).toString()).toBe('%PDF-');
    await service
      .anonymous()
      .get(`/v1/invoices/${issued.invoice.id}/deliveries`)
      .set('Authorization', `Bearer ${issued.customer.apiKey}`)
      .expect(200);

    const hidden = await pdfOf(issued.invoice.id, stranger).expect(404);
    expect(hidden.headers['content-type']).toContain('application/problem+json');
    expect(hidden.body).toMatchObject({
      status: 404,
      type: expect.stringContaining('/problems/invoice-not-found'),
    });
    await service
      .anonymous()
      .get(`/v1/invoices/${issued.invoice.id}/deliveries`)
      .set('Authorization', `Bearer ${stranger}`)
      .expect(404);

    await pdfOf(issued.invoice.id).expect(401);
    await service.anonymous().get(`/v1/invoices/${issued.invoice.id}/deliveries`).expect(401);
  });

  it('answers 404 for an unknown invoice and 400 for a malformed id', async () => {
    const unknown = '6f1c1f4e-3f5a-4f0e-9d7e-2b8c5a1d9e00';
    await service.http().get(`/v1/invoices/${unknown}/pdf`).expect(404);
    await service.http().get(`/v1/invoices/${unknown}/deliveries`).expect(404);
    await service.http().get('/v1/invoices/not-a-uuid/pdf').expect(400);
    await service.http().get('/v1/invoices/not-a-uuid/deliveries').expect(400);
  });

  it('documents both endpoints in the OpenAPI document', async () => {
    const { body: openApi } = await service.anonymous().get('/docs-json').expect(200);
    const pdf = openApi.paths['/v1/invoices/{invoiceId}/pdf'].get;
    expect(Object.keys(pdf.responses['200'].content)).toEqual(['application/pdf']);
    expect(Object.keys(pdf.responses)).toEqual(expect.arrayContaining(['200', '400', '401', '404']));
    const deliveries = openApi.paths['/v1/invoices/{invoiceId}/deliveries'].get;
    expect(deliveries.responses['200'].content['application/json'].schema.$ref).toContain(
      'InvoiceDeliveriesResponse',
    );
    expect(openApi.components.schemas.InvoiceDeliveryResponse.properties.status.enum).toEqual([
      'pending',
      'delivered',
      'failed',
    ]);
  });
});
