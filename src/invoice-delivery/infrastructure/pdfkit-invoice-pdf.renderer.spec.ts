import { PDFParse } from 'pdf-parse';
import type { Invoice } from '../../invoicing';
import { BillingPeriod } from '../../shared/domain/billing-period';
import { Money } from '../../shared/domain/money';
import { TimeZone } from '../../shared/domain/time-zone';
import type { AnnexCall, InvoiceDocument } from '../application/invoice-pdf-renderer.port';
import { PdfkitInvoicePdfRenderer } from './pdfkit-invoice-pdf.renderer';

const usd = (amount: string) => Money.of(amount, 'USD');
const INVOICE_ID = '6f1c1f4e-3f5a-4f0e-9d7e-2b8c5a1d9e00';
const CUSTOMER_ID = '0b6c1c3e-8d1f-4a55-9f0e-5c2b7d8e9a10';

function anInvoice(overrides: Partial<Invoice> = {}): Invoice {
  return {
    id: INVOICE_ID,
    number: 'INV-2026-000042',
    customerId: CUSTOMER_ID,
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

/** `count` calls, one a minute from 2026-10-05T14:00Z, every tenth from an earlier period (late). */
function callsOf(count: number): AnnexCall[] {
  return Array.from({ length: count }, (_, index) => ({
    startedAt: new Date(Date.UTC(2026, 9, 5, 14, index)),
    phoneNumber: index % 2 === 0 ? '+351912345678' : '+351912345679',
    destination: `+1415555${String(index).padStart(4, '0')}`,
    minutes: 1 + (index % 3),
    charge: usd(`0.0${1 + (index % 3)}`),
    late: index % 10 === 9,
  }));
}

function aDocument(overrides: Partial<InvoiceDocument> = {}, calls = callsOf(3)): InvoiceDocument {
  return {
    invoice: anInvoice(),
    issuer: {
      name: 'Acme Telecom',
      addressLines: ['Avenida da Liberdade 1', '1250-096 Lisboa', 'Portugal'],
      taxId: 'PT 509 999 999',
      contact: 'support@acme.test · +351 210 000 000',
    },
    customer: { name: 'Zoë Łukasiewicz', addressLines: ['ul. Piotrkowska 1', '90-001 Łódź', 'Poland'] },
    invoiceDate: '2026-11-01',
    dueDate: '2026-11-15',
    phoneLines: ['+351912345678', '+351912345679'],
    prepaid: null,
    calls: {
      count: calls.length,
      // eslint-disable-next-line @typescript-eslint/require-await
      async *rows() {
        yield* calls;
      },
    },
    ...overrides,
  };
}

async function pagesOf(pdf: Buffer): Promise<string[]> {
  const parser = new PDFParse({ data: new Uint8Array(pdf) });
  try {
    return (await parser.getText()).pages.map((page) => page.text);
  } finally {
    await parser.destroy();
  }
}

describe('PdfkitInvoicePdfRenderer', () => {
  const renderer = new PdfkitInvoicePdfRenderer();

  it('renders the same bytes every time for one invoice, annex pages included', async () => {
    const first = await renderer.render(aDocument({}, callsOf(120)));
    await new Promise((resolve) => setTimeout(resolve, 1100)); // a second later: no clock leaks in
    const second = await renderer.render(aDocument({}, callsOf(120)));
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
    const text = (await pagesOf(await renderer.render(aDocument({ invoice })))).join('\n');
    for (const expected of [
      'US and Canada: 2.5 minutes at 0.01 USD',
      'Portugal mobile: 4.12 minutes at 0.05 USD',
      '4.12',
      '6.62 minutes billed',
    ])
      expect(text).toContain(expected);
  });

  it('renders a different file for a different invoice', async () => {
    const other = await renderer.render(aDocument({ invoice: anInvoice({ number: 'INV-2026-000043' }) }));
    expect(other.equals(await renderer.render(aDocument()))).toBe(false);
  });

  it('shows the issuer block, the customer and its address, the dates, the lines billed and the summary', async () => {
    const [first] = await pagesOf(await renderer.render(aDocument()));
    for (const expected of [
      'Acme Telecom',
      'Avenida da Liberdade 1',
      '1250-096 Lisboa',
      'Tax ID PT 509 999 999',
      'Support support@acme.test · +351 210 000 000',
      'Zoë Łukasiewicz',
      '90-001 Łódź',
      'INV-2026-000042',
      'Invoice date 2026-11-01',
      'Due date 2026-11-15',
      'October 2026 (2026-10)',
      '2026-10-01 to 2026-10-31',
      'Europe/Lisbon',
      '+351912345678',
      '+351912345679',
      '412 minutes at 0.02 USD',
      '8.24',
      '0.06',
      'Total due 8.30 USD',
      'Please pay by 2026-11-15.',
      '31 calls, 412 minutes in 2026-10.',
    ])
      expect(first).toContain(expected);
  });

  it('prints Latin, Greek and Cyrillic names as written, with the embedded font', async () => {
    for (const name of ['Łódź Sp. z o.o.', 'Ελένη Παπαδοπούλου', 'Дмитрий Шостакович']) {
      const [first] = await pagesOf(
        await renderer.render(aDocument({ customer: { name, addressLines: [] } })),
      );
      expect(first).toContain(name);
    }
  });

  it('prints no developer text: no internal id, no rounding rule', async () => {
    const text = (await pagesOf(await renderer.render(aDocument({}, callsOf(70))))).join('\n');
    expect(text).not.toContain(INVOICE_ID);
    expect(text).not.toContain(CUSTOMER_ID);
    expect(text).not.toMatch(/round/i);
    expect(text).not.toMatch(/invoice id/i);
  });

  it('shows the prepaid balance before the period and after the invoice', async () => {
    const prepaid = { opening: usd('10.00'), closing: usd('1.70') };
    const [first] = await pagesOf(await renderer.render(aDocument({ prepaid })));
    expect(first).toContain('Prepaid balance before this period: 10.00 USD.');
    expect(first).toContain('Prepaid balance after this invoice: 1.70 USD.');
    const [postpaid] = await pagesOf(await renderer.render(aDocument()));
    expect(postpaid).not.toContain('Prepaid balance');
  });

  it('counts calls and minutes in the right number: "1 call", never "1 calls"', async () => {
    const single = anInvoice({ callCount: 1, minutes: 1 });
    const [text] = await pagesOf(await renderer.render(aDocument({ invoice: single })));
    expect(text).toContain('1 call, 1 minute in 2026-10.');
    expect(text).not.toMatch(/\b1 (calls|minutes)\b/);
  });

  it('keeps a small invoice on one page, its calls listed below the summary', async () => {
    const pages = await pagesOf(await renderer.render(aDocument({}, callsOf(3))));
    expect(pages).toHaveLength(1);
    expect(pages[0]).toContain('Itemised calls');
    expect(pages[0]).toContain('1 / 1');
  });

  it('lists every call exactly once over many pages, with titles repeated and each page numbered n / N', async () => {
    const calls = callsOf(400);
    const pages = await pagesOf(await renderer.render(aDocument({}, calls)));
    expect(pages.length).toBeGreaterThan(5);
    pages.forEach((text, index) => {
      expect(text).toContain(`${index + 1} / ${pages.length}`);
      expect(text).toMatch(/Date\s+Time\s+Line\s+Destination\s+Duration\s+Charge/);
    });
    for (const page of pages.slice(1)) expect(page).toContain('Itemised calls (continued)');
    const listed = pages.join('\n').match(/\+1415555\d{4}/g)!;
    expect(listed).toEqual(calls.map((call) => call.destination));
  });

  it('writes each annex row as date and time in the customer zone, line, destination, duration and charge', async () => {
    const [first] = await pagesOf(await renderer.render(aDocument({}, callsOf(10))));
    // 2026-10-05T14:00Z is 15:00 in Lisbon (summer time); the tenth call came late.
    expect(first).toMatch(/2026-10-05\s+15:00:00\s+\+351912345678\s+\+14155550000\s+1 min\s+0\.01/);
    expect(first).toMatch(/2026-10-05 \*\s+15:09:00\s+\+351912345679\s+\+14155550009\s+1 min\s+0\.01/);
    expect(first).toContain('* from an earlier period, received after its invoice');
  });
});
