import { PDFParse } from 'pdf-parse';
import type { Invoice } from '../../invoicing';
import { BillingPeriod } from '../../shared/domain/billing-period';
import { Money } from '../../shared/domain/money';
import { TimeZone } from '../../shared/domain/time-zone';
import { PdfkitInvoicePdfRenderer } from './pdfkit-invoice-pdf.renderer';

const usd = (amount: string) => Money.of(amount, 'USD');

function anInvoice(overrides: Partial<Invoice> = {}): Invoice {
  return {
    id: '6f1c1f4e-3f5a-4f0e-9d7e-2b8c5a1d9e00',
    number: 'INV-2026-000042',
    customerId: '0b6c1c3e-8d1f-4a55-9f0e-5c2b7d8e9a10',
    period: BillingPeriod.parse('2026-10', TimeZone.of('Europe/Lisbon')),
    plan: 'postpaid',
    status: 'issued',
    issuedAt: new Date('2026-11-01T00:05:00Z'),
    callCount: 31,
    minutes: 412,
    billedSeconds: (overrides.minutes ?? 412) * 60,
    lines: [
      {
        kind: 'usage',
        description: '412 minutes at 0.02 USD',
        period: '2026-10',
        quantity: 412,
        unitPrice: usd('0.02'),
        amount: usd('8.24'),
      },
      {
        kind: 'late_usage',
        description: '3 minutes from 2026-09 at 0.02 USD, received after 2026-09 was invoiced',
        period: '2026-09',
        quantity: 3,
        unitPrice: usd('0.02'),
        amount: usd('0.06'),
      },
    ],
    total: usd('8.30'),
    ...overrides,
  };
}

async function textOf(pdf: Buffer): Promise<{ text: string; pages: number }> {
  const parser = new PDFParse({ data: new Uint8Array(pdf) });
  try {
    const result = await parser.getText();
    return { text: result.text, pages: result.total };
  } finally {
    await parser.destroy();
  }
}

describe('PdfkitInvoicePdfRenderer', () => {
  const renderer = new PdfkitInvoicePdfRenderer();
  const document = { invoice: anInvoice(), issuerName: 'Acme Telecom', customerName: 'Zoë Łukasiewicz' };

  it('renders the same bytes every time for one invoice', async () => {
    const first = await renderer.render(document);
    await new Promise((resolve) => setTimeout(resolve, 1100)); // a second later: no clock leaks in
    const second = await renderer.render({ ...document, invoice: anInvoice() });
    expect(first.subarray(0, 5).toString()).toBe('%PDF-');
    expect(second.equals(first)).toBe(true);
  });

  it('lists one usage line per destination group, in billed minutes, and the billed time', async () => {
    const invoice = anInvoice({
      minutes: 12,
      billedSeconds: 397,
      lines: [
        {
          kind: 'usage',
          description: 'US and Canada: 2.5 minutes at 0.01 USD',
          period: '2026-10',
          group: 'US and Canada',
          billedSeconds: 150,
          quantity: 2.5,
          unitPrice: usd('0.01'),
          amount: usd('0.03'),
        },
        {
          kind: 'usage',
          description: 'Portugal mobile: 4.12 minutes at 0.05 USD',
          period: '2026-10',
          group: 'Portugal mobile',
          billedSeconds: 247,
          quantity: 4.12,
          unitPrice: usd('0.05'),
          amount: usd('0.21'),
        },
      ],
      total: usd('0.24'),
    });
    const { text } = await textOf(await renderer.render({ ...document, invoice }));
    for (const expected of [
      'US and Canada: 2.5 minutes at 0.01 USD',
      'Portugal mobile: 4.12 minutes at 0.05 USD',
      '4.12',
      '6.62 minutes billed',
    ])
      expect(text).toContain(expected);
  });

  it('renders a different file for a different invoice', async () => {
    const other = await renderer.render({ ...document, invoice: anInvoice({ number: 'INV-2026-000043' }) });
    expect(other.equals(await renderer.render(document))).toBe(false);
  });

  it('shows issuer, customer, number, period in the customer zone, lines, total and currency on one page', async () => {
    const { text, pages } = await textOf(await renderer.render(document));
    expect(pages).toBe(1);
    for (const expected of [
      'Acme Telecom',
      'Zoë ?ukasiewicz',
      'INV-2026-000042',
      'October 2026 (2026-10)',
      '2026-10-01 to 2026-10-31',
      'Europe/Lisbon',
      '2026-11-01 00:05 (Europe/Lisbon)',
      '412 minutes at 0.02 USD',
      '8.24',
      '0.06',
      '8.30 USD',
    ])
      expect(text).toContain(expected);
  });

  it('counts calls and minutes in the right number in its footer: "1 call", never "1 calls"', async () => {
    const single = anInvoice({ callCount: 1, minutes: 1 });
    const { text } = await textOf(await renderer.render({ ...document, invoice: single }));
    expect(text).toContain('1 call, 1 minute in 2026-10.');
    expect(text).not.toMatch(/\b1 (calls|minutes)\b/);
    const many = await textOf(await renderer.render(document));
    expect(many.text).toContain('31 calls, 412 minutes in 2026-10.');
  });
});
