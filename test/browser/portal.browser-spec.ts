import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './support/chromium';
import {
  ADA_OCTOBER_CALLS,
  HOSTILE_DESTINATION,
  HOSTILE_NAME,
  portalFixture,
  type PortalFixture,
} from './support/portal-fixture';
import {
  Browsers,
  fitsItsWidth,
  screenshot,
  seriousViolations,
  tableRows,
  textOf,
  WIDTHS,
} from './support/portal-pages';
import { startServedApp, type ServedApp } from './support/served-app';

const NOW = '2026-10-15T12:00:00.000Z';

interface ApiCall {
  callId: string;
  destination: string;
  startedAt: string;
  charge: { amount: string; currency: string };
}
interface ApiLine {
  description: string;
  quantity: number;
  amount: string;
}

describe('The customer portal in a browser', () => {
  let service: ServedApp;
  let browser: Browser;
  let browsers: Browsers;
  let fixture: PortalFixture;

  beforeAll(async () => {
    browser = await launchChromium();
    service = await startServedApp(NOW);
    fixture = await portalFixture(service);
    browsers = new Browsers(browser, service);
  });
  afterAll(async () => {
    await browser?.close();
    await service?.close();
  });
  afterEach(async () => {
    await browsers.closeAll();
    service.clock.set(NOW);
    expect(browsers.dialogs).toEqual([]);
  });

  const url = (path: string) => `${service.baseUrl}${path}`;
  const pathOf = (page: Page) => new URL(page.url()).pathname + new URL(page.url()).search;
  const api = async <T>(path: string): Promise<T> => (await service.http().get(path).expect(200)).body as T;

  async function allCalls(customerId: string, period: string): Promise<ApiCall[]> {
    const calls: ApiCall[] = [];
    let cursor: string | null = null;
    do {
      const query: string = `period=${period}&limit=500${cursor ? `&cursor=${cursor}` : ''}`;
      const page = await api<{ data: ApiCall[]; nextCursor: string | null }>(
        `/v1/customers/${customerId}/calls?${query}`,
      );
      calls.push(...page.data);
      cursor = page.nextCursor;
    } while (cursor);
    return calls;
  }

  describe('signing in', () => {
    it('by an operator link, which works once: the second time it shows a page saying so and starts nothing', async () => {
      const link = (await service.http().post(`/v1/customers/${fixture.ada.id}/portal-sessions`).expect(201))
        .body;
      const first = await browsers.newPage();
      await first.goto(link.url);
      expect(pathOf(first)).toBe('/portal');
      expect(await textOf(first, 'h1')).toBe('Hello, Ada Lovelace');

      const second = await browsers.newPage();
      const again = await second.goto(link.url);
      expect(again!.status()).toBe(410);
      expect(await textOf(second, 'h1')).toBe('This sign-in link has already been used');
      await second.goto(url('/portal'));
      expect(pathOf(second)).toBe('/portal/login');
    });

    it('by an operator link only until it expires', async () => {
      const link = (await service.http().post(`/v1/customers/${fixture.ada.id}/portal-sessions`).expect(201))
        .body;
      service.clock.advance(15 * 60_000);
      const page = await browsers.newPage();
      const refused = await page.goto(link.url);
      expect(refused!.status()).toBe(410);
      expect(await textOf(page, 'h1')).toBe('This sign-in link has expired');
      await page.goto(url('/portal'));
      expect(pathOf(page)).toBe('/portal/login');
    });

    it('by the API key typed into the sign-in form, which never shows up in a page or a URL', async () => {
      const page = await browsers.newPage();
      await page.goto(url('/portal/calls'));
      expect(pathOf(page)).toBe('/portal/login');

      await page.fill('#api-key', `${fixture.ada.apiKey}-wrong`);
      await page.click('button:has-text("Sign in")');
      expect(await textOf(page, '.error')).toBe('That API key is not valid. Check it and try again.');
      expect(await page.inputValue('#api-key')).toBe('');
      expect(await page.content()).not.toContain(fixture.ada.apiKey);

      await page.fill('#api-key', fixture.ada.apiKey);
      await page.click('button:has-text("Sign in")');
      expect(pathOf(page)).toBe('/portal');
      expect(await textOf(page, 'h1')).toBe('Hello, Ada Lovelace');
      expect(page.url()).not.toContain(fixture.ada.apiKey);
      expect(await page.content()).not.toContain(fixture.ada.apiKey);
    });

    it('and out: the sign-out button ends the session', async () => {
      const page = await browsers.signedIn(fixture.ada.id);
      await page.click('button:has-text("Sign out")');
      expect(pathOf(page)).toBe('/portal/login?signed-out');
      expect(await textOf(page, '.notice')).toBe('You have signed out.');
      await page.goto(url('/portal'));
      expect(pathOf(page)).toBe('/portal/login');
    });
  });

  describe('the pages show what the API answers', () => {
    it('overview: plan, the open period so far, the latest invoices and when the next one comes', async () => {
      const upcoming = await api<{ callCount: number; minutes: number; total: { amount: string } }>(
        `/v1/customers/${fixture.ada.id}/invoices/upcoming`,
      );
      const invoices = await api<{ data: { number: string; total: { amount: string } }[] }>(
        `/v1/customers/${fixture.ada.id}/invoices`,
      );
      const page = await browsers.signedIn(fixture.ada.id);
      expect(await textOf(page, '#plan-heading + p')).toBe('postpaid');
      expect(await textOf(page, 'main')).toContain('$0.02 a minute');
      const open = await textOf(page, '[aria-labelledby="open-heading"]');
      expect(open).toContain('October 2026 so far');
      expect(open).toContain(
        `1 – 31 October 2026 · ${upcoming.callCount} calls, ${upcoming.minutes} minutes.`,
      );
      expect(open).toContain(`Total so far $${upcoming.total.amount}`);
      const latest = await textOf(page, '.invoice-list');
      expect(latest).toBe(`${invoices.data[0].number} September 2026 $${invoices.data[0].total.amount}`);
      expect(await textOf(page, 'main')).toContain(
        'Your next invoice, for October 2026, arrives on 1 November 2026.',
      );
    });

    it('overview of a prepaid customer: the balance', async () => {
      const balance = await api<{ balance: { amount: string }; remainingMinutes: number }>(
        `/v1/customers/${fixture.grace.id}/balance`,
      );
      const page = await browsers.signedIn(fixture.grace.id);
      const card = await textOf(page, '[aria-labelledby="balance-heading"]');
      expect(card).toBe(
        `Prepaid balance $${balance.balance.amount} Enough for about ${balance.remainingMinutes} minutes of calls.`,
      );
    });

    it('empty states say what to expect', async () => {
      const page = await browsers.signedIn(fixture.newbie.id);
      const expected = 'Your first invoice, for October 2026, arrives on 1 November 2026.';
      expect(await textOf(page, '[aria-labelledby="invoices-heading"] .empty')).toBe(expected);
      await page.click('nav >> text=Invoices');
      expect(await textOf(page, '.empty')).toBe(expected);
      await page.click('nav >> text=Calls');
      expect(await textOf(page, '.empty')).toBe(
        'No calls in October 2026. Calls appear here once your provider has recorded them.',
      );
    });

    it("calls: the period's calls newest first, in the customer's zone, in keyset pages", async () => {
      const history = await allCalls(fixture.ada.id, '2026-10');
      expect(history).toHaveLength(ADA_OCTOBER_CALLS);
      const page = await browsers.signedIn(fixture.ada.id);
      await page.click('nav >> text=Calls');
      expect(await textOf(page, 'h1')).toBe('Calls in October 2026');

      const first = await tableRows(page, 'table.calls');
      expect(first).toHaveLength(50);
      // The newest call started at 23:30 UTC on the 14th: 00:30 on the 15th in Lisbon.
      expect(first[0]).toEqual(['15 Oct 2026, 00:30', '+351912345678', '+447700900123', '12 min', '$0.24']);
      await page.click('text=Older calls');
      const second = await tableRows(page, 'table.calls');
      expect(second).toHaveLength(ADA_OCTOBER_CALLS - 50);
      expect(await page.locator('text=Older calls').count()).toBe(0);

      const shown = [...first, ...second];
      expect(shown.map((row) => row[2])).toEqual(history.map((call) => call.destination));
      expect(shown.map((row) => row[4])).toEqual(history.map((call) => `$${call.charge.amount}`));

      await page.click('text=Newest calls');
      expect(await tableRows(page, 'table.calls')).toEqual(first);
    });

    it('calls: the period picker shows another month', async () => {
      const september = await allCalls(fixture.ada.id, '2026-09');
      const page = await browsers.signedIn(fixture.ada.id);
      await page.goto(url('/portal/calls'));
      await page.selectOption('#period', '2026-09');
      await page.click('button:has-text("Show")');
      expect(pathOf(page)).toBe('/portal/calls?period=2026-09');
      expect(await textOf(page, 'h1')).toBe('Calls in September 2026');
      const rows = await tableRows(page, 'table.calls');
      expect(rows.map((row) => row[4])).toEqual(september.map((call) => `$${call.charge.amount}`));
      expect(rows[0][0]).toBe('12 Sept 2026, 10:00');
    });

    it("calls: Download CSV gives every call of the period, with the customer's offset", async () => {
      const history = await allCalls(fixture.ada.id, '2026-10');
      const page = await browsers.signedIn(fixture.ada.id);
      await page.goto(url('/portal/calls'));
      const [download] = await Promise.all([page.waitForEvent('download'), page.click('text=Download CSV')]);
      expect(download.suggestedFilename()).toBe('calls-2026-10.csv');
      const csv = readFileSync(await download.path(), 'utf8');
      expect(csv.charCodeAt(0)).toBe(0xfeff);
      const rows = parse<Record<string, string>>(csv.slice(1), { columns: true });
      expect(rows.map((row) => row.call_id)).toEqual(history.map((call) => call.callId));
      expect(rows.map((row) => row.charge)).toEqual(history.map((call) => call.charge.amount));
      expect(rows.map((row) => row.destination)).toEqual(history.map((call) => call.destination));
      expect(rows[0]).toMatchObject({
        started_at: '2026-10-15T00:30:00+01:00',
        line: '+351912345678',
        currency: 'USD',
      });
    });

    it('invoices: the list, one invoice with its lines and total, and its PDF', async () => {
      const invoice = await api<{ number: string; lines: ApiLine[]; total: { amount: string } }>(
        `/v1/invoices/${fixture.ada.invoiceId}`,
      );
      const pdf = await service
        .http()
        .get(`/v1/invoices/${fixture.ada.invoiceId}/pdf`)
        .buffer(true)
        .expect(200);
      const page = await browsers.signedIn(fixture.ada.id);
      await page.click('nav >> text=Invoices');
      expect(await tableRows(page, 'table.invoices')).toEqual([
        [invoice.number, 'September 2026', '15 October 2026', `$${invoice.total.amount}`],
      ]);

      await page.click(`text=${invoice.number}`);
      expect(pathOf(page)).toBe(`/portal/invoices/${fixture.ada.invoiceId}`);
      expect(await textOf(page, 'h1')).toBe(`Invoice ${invoice.number}`);
      const lines = await tableRows(page, 'table.lines');
      expect(lines.map((line) => [line[0], line[1], line[3]])).toEqual(
        invoice.lines.map((line) => [line.description, String(line.quantity), `$${line.amount}`]),
      );
      expect(await textOf(page, 'table.lines tfoot')).toBe(`Total $${invoice.total.amount}`);

      const [download] = await Promise.all([page.waitForEvent('download'), page.click('text=Download PDF')]);
      expect(download.suggestedFilename()).toBe(`${invoice.number}.pdf`);
      const bytes = readFileSync(await download.path());
      expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
      expect(bytes.equals(pdf.body as Buffer)).toBe(true);
    });
  });

  describe('a session reads its own customer only', () => {
    it("shows another customer's invoice as the 404 page", async () => {
      const bobs = await api<{ number: string }>(`/v1/invoices/${fixture.bob.invoiceId}`);
      const page = await browsers.signedIn(fixture.ada.id);
      for (const path of [
        `/portal/invoices/${fixture.bob.invoiceId}`,
        `/portal/invoices/${fixture.bob.invoiceId}/pdf`,
      ]) {
        const response = await page.goto(url(path));
        expect(response!.status()).toBe(404);
        expect(await textOf(page, 'h1')).toBe('Page not found');
        expect(await page.content()).not.toContain(bobs.number);
      }
    });

    it('renders a name and a destination written as HTML as the text they are, and runs nothing', async () => {
      const page = await browsers.signedIn(fixture.hostile.id);
      expect(await textOf(page, 'h1')).toBe(`Hello, ${HOSTILE_NAME}`);
      expect(await textOf(page, '.who')).toBe(`Signed in as ${HOSTILE_NAME}`);
      await page.click('nav >> text=Calls');
      expect((await tableRows(page, 'table.calls'))[0][2]).toBe(HOSTILE_DESTINATION);
      expect(await page.locator('main img, main script').count()).toBe(0);
      // afterEach checks that no dialog opened.
    });
  });

  describe('every page', () => {
    const pages: { name: string; open: () => Promise<Page> }[] = [
      { name: 'login', open: async () => goto(await browsers.newPage(), '/portal/login') },
      { name: 'overview', open: () => browsers.signedIn(fixture.ada.id) },
      { name: 'overview-prepaid', open: () => browsers.signedIn(fixture.grace.id) },
      { name: 'overview-new-customer', open: () => browsers.signedIn(fixture.newbie.id) },
      { name: 'calls', open: async () => goto(await browsers.signedIn(fixture.ada.id), '/portal/calls') },
      {
        name: 'invoices',
        open: async () => goto(await browsers.signedIn(fixture.ada.id), '/portal/invoices'),
      },
      {
        name: 'invoice',
        open: async () =>
          goto(await browsers.signedIn(fixture.ada.id), `/portal/invoices/${fixture.ada.invoiceId}`),
      },
      {
        name: 'link-used',
        open: async () => {
          const page = await browsers.signedIn(fixture.ada.id);
          const link = (await service.http().post(`/v1/customers/${fixture.ada.id}/portal-sessions`)).body;
          await page.goto(link.url as string);
          await page.goto(link.url as string);
          return page;
        },
      },
      {
        name: 'not-found',
        open: async () => goto(await browsers.signedIn(fixture.ada.id), '/portal/no-such-page'),
      },
    ];

    async function goto(page: Page, path: string): Promise<Page> {
      await page.goto(url(path));
      return page;
    }

    it.each(pages.map((page) => page.name))(
      '%s: no serious or critical accessibility violation; reads at 1280 and 390 px without sideways scrolling',
      async (name) => {
        const page = await pages.find((candidate) => candidate.name === name)!.open();
        expect(await seriousViolations(page)).toEqual([]);
        for (const width of WIDTHS) {
          await page.setViewportSize({ width, height: width < 600 ? 844 : 800 });
          expect({ width, fits: await fitsItsWidth(page) }).toEqual({ width, fits: true });
          await screenshot(page, name);
        }
      },
    );
  });
});
