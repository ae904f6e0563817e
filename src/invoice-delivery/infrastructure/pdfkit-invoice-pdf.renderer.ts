import { Injectable } from '@nestjs/common';
import type PDFKitDocument from 'pdfkit';
import { InvoiceDocument, InvoicePdfRenderer } from '../application/invoice-pdf-renderer.port';
import { planAnnexPages } from '../domain/annex-page-plan';
import { annexRowsBelow, annexRowsBelowSummary, drawCallAnnex } from './pdf/call-annex';
import { drawCustomerBlock } from './pdf/customer-block';
import { drawIssuerBlock } from './pdf/issuer-block';
import { drawFooter } from './pdf/page-footer';
import { registerFonts } from './pdf/pdf-fonts';
import { MARGIN } from './pdf/pdf-layout';
import { drawSummary } from './pdf/summary-table';

/**
 * pdfkit, with its font engine, is loaded on the first render rather than at start-up, where it
 * cost ~140 ms of the service's start for a feature most starts never use before the monthly run.
 */
function loadPdfkit(): typeof PDFKitDocument {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a lazy load, of the CommonJS build the import would take
  return require('pdfkit') as typeof PDFKitDocument;
}

/**
 * The invoice as a phone bill, on A4 with an embedded DejaVu Sans: the issuer and the customer, the
 * dates, the summary of lines and the total, then the itemised calls over as many pages as they
 * need, each page numbered "n / N".
 *
 * The page count is planned before the annex is written (its rows are one line each), so each
 * annex page is written out whole as the next begins: the document never holds more than a page.
 * The bytes depend on the document alone: the PDF's dates are the issue instant, the file ID pdfkit
 * derives from them and the other info fields, the font subset's tag from the font's id, and
 * deflate is deterministic; nothing reads the wall clock.
 */
@Injectable()
export class PdfkitInvoicePdfRenderer extends InvoicePdfRenderer {
  async render(document: InvoiceDocument): Promise<Buffer> {
    const { invoice, issuer } = document;
    const issuedAt = invoice.issuedAt ?? invoice.period.end;
    const PDFDocument = loadPdfkit();
    const doc = new PDFDocument({
      size: 'A4',
      margin: MARGIN,
      compress: true,
      pdfVersion: '1.4',
      lang: 'en',
      bufferPages: true,
      info: {
        Title: `Invoice ${invoice.number ?? ''}`.trim(),
        Author: issuer.name,
        Subject: `Invoice for ${invoice.period.code}`,
        Creator: 'phone-billing',
        Producer: 'phone-billing (PDFKit)',
        CreationDate: issuedAt,
        ModDate: issuedAt,
      },
    });
    const done = collect(doc);
    try {
      registerFonts(doc);
      await draw(doc, document);
    } finally {
      doc.end();
    }
    return done;
  }
}

async function draw(doc: PDFKit.PDFDocument, document: InvoiceDocument): Promise<void> {
  const issuerBottom = drawIssuerBlock(doc, document);
  const customerBottom = drawCustomerBlock(doc, document, Math.max(issuerBottom + 20, 140));
  const summaryBottom = drawSummary(doc, document, customerBottom + 25);

  // Only the summary's pages are held (bufferPages) until their "n / N" is known.
  const summaryPages = doc.bufferedPageRange().count;
  const rowsOnSummaryPage = annexRowsBelowSummary(summaryBottom);
  const plan = planAnnexPages({
    rows: document.calls.count,
    pagesBefore: summaryPages - 1,
    rowsOnSummaryPage,
    rowsPerPage: annexRowsBelow(MARGIN),
  });
  for (let page = 0; page < summaryPages; page++) {
    doc.switchToPage(page);
    drawFooter(doc, document, page + 1, plan.totalPages);
  }
  if (document.calls.count === 0) return;
  await drawCallAnnex(doc, document, {
    summaryBottom,
    startsOnSummaryPage: plan.startsOnSummaryPage,
    page: summaryPages,
    pages: plan.totalPages,
  });
}

function collect(doc: PDFKit.PDFDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
}
