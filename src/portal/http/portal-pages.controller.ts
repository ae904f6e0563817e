import { Controller, Get, Param, Query, Res, StreamableFile, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Public } from '../../auth';
import { AppConfiguration } from '../../config';
import { ExportPeriodCallsQuery } from '../application/export-period-calls.query';
import { PortalCallsQuery } from '../application/portal-calls.query';
import { PortalInvoicesQuery } from '../application/portal-invoices.query';
import { PortalOverviewQuery } from '../application/portal-overview.query';
import type { PortalSession } from '../domain/portal-session';
import { callsCsv } from './calls-csv';
import { type PageFrame, sendPage } from './pages';
import {
  balanceText,
  callRow,
  expectationText,
  invoiceRow,
  lineRow,
  periodOption,
  planSummary,
} from './presenters';
import { CurrentSession, SignedInGuard } from './signed-in.guard';
import { dateTime, longDate, money, periodDays, periodName } from './view-format';

/** A query parameter as one string, or null (absent, empty or repeated). */
function single(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

/**
 * The signed-in customer's pages: overview, calls (by period, paged, CSV), invoices (list, one,
 * PDF). Each reads only the session's customer; anything else is the "not found" page.
 */
@ApiExcludeController()
@Public()
@UseGuards(SignedInGuard)
@Controller('portal')
export class PortalPagesController {
  constructor(
    private readonly overview: PortalOverviewQuery,
    private readonly calls: PortalCallsQuery,
    private readonly exportCalls: ExportPeriodCallsQuery,
    private readonly invoices: PortalInvoicesQuery,
    private readonly config: AppConfiguration,
  ) {}

  @Get()
  async home(@CurrentSession() session: PortalSession, @Res() reply: FastifyReply): Promise<void> {
    const view = await this.overview.execute(session.customerId);
    const zone = view.customer.timezone.name;
    const open = view.openPeriod;
    await sendPage(reply, 'overview', {
      ...this.frame(reply, view.customer.name, 'Your account', 'overview'),
      plan: { code: view.plan.code, summary: planSummary(view.plan) },
      nextPlan: view.nextPlan && {
        code: view.nextPlan,
        from: longDate(open.period.end, zone),
      },
      open: {
        name: periodName(open.period),
        days: periodDays(open.period),
        callCount: open.callCount,
        minutes: open.minutes,
        total: money(open.total.toJSON()),
        lines: open.lines.map((line) => lineRow(line, open)),
        callsHref: `/portal/calls?period=${open.period.code}`,
      },
      balance: view.balance && balanceText(view.balance),
      invoices: view.latestInvoices.map(invoiceRow),
      expectation: expectationText(view.nextInvoice, view.latestInvoices.length === 0),
      zone,
    });
  }

  @Get('calls')
  async callsPage(
    @CurrentSession() session: PortalSession,
    @Query('period') period: unknown,
    @Query('cursor') cursor: unknown,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const view = await this.calls.execute(session.customerId, {
      period: single(period),
      cursor: single(cursor),
    });
    const zone = view.customer.timezone.name;
    const rows = view.calls.data.map((call) => callRow(call, zone));
    const code = view.period.code;
    await sendPage(reply, 'calls', {
      ...this.frame(reply, view.customer.name, `Calls in ${periodName(view.period)}`, 'calls'),
      period: { code, name: periodName(view.period), days: periodDays(view.period) },
      choices: view.choices.map((choice) => periodOption(choice, view.period)),
      rows,
      showGroup: rows.some((row) => row.group !== null),
      olderHref: view.calls.nextCursor && `/portal/calls?period=${code}&cursor=${view.calls.nextCursor}`,
      newestHref: single(cursor) ? `/portal/calls?period=${code}` : null,
      csvHref: `/portal/calls.csv?period=${code}`,
      zone,
    });
  }

  @Get('calls.csv')
  async callsCsv(
    @CurrentSession() session: PortalSession,
    @Query('period') period: unknown,
  ): Promise<StreamableFile> {
    const {
      customer,
      period: billingPeriod,
      calls,
    } = await this.exportCalls.execute(session.customerId, single(period) ?? '');
    return new StreamableFile(callsCsv(calls, customer.timezone.name), {
      type: 'text/csv; charset=utf-8',
      disposition: `attachment; filename="calls-${billingPeriod.code}.csv"`,
    });
  }

  @Get('invoices')
  async invoicesPage(
    @CurrentSession() session: PortalSession,
    @Query('cursor') cursor: unknown,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const { customer, page, firstInvoice } = await this.invoices.list(session.customerId, single(cursor));
    await sendPage(reply, 'invoices', {
      ...this.frame(reply, customer.name, 'Invoices', 'invoices'),
      rows: page.data.map(invoiceRow),
      olderHref: page.nextCursor && `/portal/invoices?cursor=${page.nextCursor}`,
      newestHref: single(cursor) ? '/portal/invoices' : null,
      expectation: firstInvoice && expectationText(firstInvoice, true),
    });
  }

  @Get('invoices/:invoiceId')
  async invoicePage(
    @CurrentSession() session: PortalSession,
    @Param('invoiceId') invoiceId: string,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const { customer, invoice } = await this.invoices.one(session.customerId, invoiceId);
    const zone = invoice.period.zone.name;
    await sendPage(reply, 'invoice', {
      ...this.frame(reply, customer.name, `Invoice ${invoice.number ?? ''}`.trim(), 'invoices'),
      number: invoice.number,
      period: { name: periodName(invoice.period), days: periodDays(invoice.period) },
      issued: invoice.issuedAt ? dateTime(invoice.issuedAt, zone) : '',
      callCount: invoice.callCount,
      minutes: invoice.minutes,
      plan: invoice.plan,
      lines: invoice.lines.map((line) => lineRow(line, invoice)),
      total: money(invoice.total.toJSON()),
      pdfHref: `/portal/invoices/${invoice.id}/pdf`,
      zone,
    });
  }

  @Get('invoices/:invoiceId/pdf')
  async invoicePdf(
    @CurrentSession() session: PortalSession,
    @Param('invoiceId') invoiceId: string,
  ): Promise<StreamableFile> {
    const pdf = await this.invoices.pdfOf(session.customerId, invoiceId);
    return new StreamableFile(pdf.content, {
      type: 'application/pdf',
      disposition: `attachment; filename="${pdf.filename}"`,
      length: pdf.content.length,
    });
  }

  private frame(reply: FastifyReply, customerName: string, title: string, nav: PageFrame['nav']): PageFrame {
    return {
      title,
      brand: this.config.INVOICE_ISSUER_NAME,
      customerName,
      nav,
      signOutToken: reply.generateCsrf(),
    };
  }
}
