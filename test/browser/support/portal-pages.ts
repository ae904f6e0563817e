import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { ServedApp } from './served-app';

/** Where `npm run portal:screenshots` writes the README's pictures of each page. */
const SCREENSHOTS_DIR = join(__dirname, '../../../docs/portal');
export const WIDTHS = [1280, 390] as const;

/** Browser contexts (cookie jars) the tests open; each test closes its own. */
export class Browsers {
  private readonly contexts: BrowserContext[] = [];
  /** Every JavaScript dialog any page opened: a page that runs no script opens none. */
  readonly dialogs: string[] = [];

  constructor(
    private readonly browser: Browser,
    private readonly service: ServedApp,
  ) {}

  /** A new browser (its own cookies) with one page, 1280 px wide. */
  async newPage(): Promise<Page> {
    const context = await this.browser.newContext({
      viewport: { width: 1280, height: 800 },
      acceptDownloads: true,
    });
    this.contexts.push(context);
    const page = await context.newPage();
    page.on('dialog', (dialog) => {
      this.dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    return page;
  }

  /** Opens an operator's sign-in link for the customer in a new browser. */
  async signedIn(customerId: string): Promise<Page> {
    const link = await this.service.http().post(`/v1/customers/${customerId}/portal-sessions`).expect(201);
    const page = await this.newPage();
    await page.goto(link.body.url as string);
    if (new URL(page.url()).pathname !== '/portal') throw new Error(`the link led to ${page.url()}`);
    return page;
  }

  async closeAll(): Promise<void> {
    await Promise.all(this.contexts.splice(0).map((context) => context.close()));
  }
}

/** Serious and critical accessibility violations on the page as it is now (axe-core). */
export async function seriousViolations(
  page: Page,
): Promise<{ rule: string; impact: string; nodes: string[] }[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => ({
      rule: violation.id,
      impact: violation.impact!,
      nodes: violation.nodes.map((node) => node.target.join(' ')),
    }));
}

/** True when nothing sticks out sideways: the page reads without scrolling left and right. */
export async function fitsItsWidth(page: Page): Promise<boolean> {
  // A string, evaluated in the page: this project's TypeScript has no DOM types.
  return page.evaluate<boolean>('document.documentElement.scrollWidth <= window.innerWidth');
}

/** With PORTAL_SCREENSHOTS set, saves what the viewport shows as docs/portal/<name>-<width>.png. */
export async function screenshot(page: Page, name: string): Promise<void> {
  if (!process.env.PORTAL_SCREENSHOTS) return;
  mkdirSync(SCREENSHOTS_DIR, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS_DIR, `${name}-${page.viewportSize()!.width}.png`) });
}

/** The visible text of an element, trimmed, with runs of white space as one space. */
export async function textOf(page: Page, selector: string): Promise<string> {
  return ((await page.locator(selector).first().innerText()) ?? '').replace(/\s+/g, ' ').trim();
}

/** The cells of a table's body rows, as text. */
export async function tableRows(page: Page, selector: string): Promise<string[][]> {
  return page
    .locator(`${selector} tbody tr`)
    .evaluateAll((rows) =>
      rows.map((row) =>
        [...row.querySelectorAll('td')].map((cell) => (cell.textContent ?? '').replace(/\s+/g, ' ').trim()),
      ),
    );
}
