import { Injectable } from '@nestjs/common';
import { decodeCursor, type Page, type PageRequest, toPage } from '../../shared/pagination/page';
import {
  InvoiceCalls,
  type InvoiceCallsScope,
  type InvoiceCallsSummary,
  type InvoiceCallView,
} from './invoice-calls.read-model';

/**
 * The calls an invoice billed, a keyset page at a time (oldest startedAt first, then id): for the
 * invoice PDF's annex, and for `GET /v1/invoices/{invoiceId}/calls`. The scope comes from the
 * invoice, which the caller has already read (and checked it may see).
 */
@Injectable()
export class ListInvoiceCallsQuery {
  constructor(private readonly calls: InvoiceCalls) {}

  /** Throws InvalidCursorError for a cursor this list did not issue. */
  async execute(scope: InvoiceCallsScope, request: PageRequest): Promise<Page<InvoiceCallView>> {
    const after = request.cursor ? decodeCursor(request.cursor, { startedAt: 'instant', id: 'uuid' }) : null;
    const rows = await this.calls.page(
      scope,
      after ? { startedAt: new Date(after.startedAt), id: after.id } : null,
      request.limit + 1,
    );
    return toPage(rows, request.limit, (call) => ({ startedAt: call.startedAt, id: call.id }));
  }

  /** How many calls the invoice billed (its period's and the late ones), and from which lines. */
  summary(scope: InvoiceCallsScope): Promise<InvoiceCallsSummary> {
    return this.calls.summary(scope);
  }

  /** Every call, page after page, holding one page at a time. */
  async *all(scope: InvoiceCallsScope, pageSize = 1000): AsyncGenerator<InvoiceCallView> {
    let cursor: string | null = null;
    do {
      const page: Page<InvoiceCallView> = await this.execute(scope, { limit: pageSize, cursor });
      yield* page.data;
      cursor = page.nextCursor;
    } while (cursor !== null);
  }
}
