import { Injectable } from '@nestjs/common';
import { PlanCatalog } from '../../billing-plans';
import type { Money } from '../../shared/domain/money';
import { PrepaidLedgerRepository } from './prepaid-ledger.repository';

export interface PrepaidStatementRequest {
  customerId: string;
  /** The plan the statement is for (an invoice's plan): only a plan that draws from a balance has one. */
  plan: string;
  /** The period's first instant. */
  opensAt: Date;
  /** The instant the statement closes (an invoice's issue instant): entries recorded then count. */
  closesAt: Date;
}

/** The prepaid balance as the ledger stood before a period and once its invoice was issued. */
export interface PrepaidStatement {
  opening: Money;
  closing: Money;
}

/**
 * For a prepaid invoice: the balance before the period (every ledger entry recorded before it
 * opened) and after the invoice (every entry up to the issue instant, the invoice's own credit
 * included). Entries are only ever added with the time they are recorded, so a statement for an
 * issued invoice never changes. Null for a plan that does not draw from a balance (or that the
 * catalog no longer has).
 */
@Injectable()
export class GetPrepaidStatementQuery {
  constructor(
    private readonly catalog: PlanCatalog,
    private readonly ledger: PrepaidLedgerRepository,
  ) {}

  async execute(request: PrepaidStatementRequest): Promise<PrepaidStatement | null> {
    const balance = this.catalog.has(request.plan) ? this.catalog.inForce(request.plan).balance : null;
    if (!balance) return null;
    const { customerId } = request;
    const [opening, closing] = await Promise.all([
      this.ledger.balanceBefore(customerId, balance.currency, request.opensAt),
      this.ledger.balanceBefore(customerId, balance.currency, new Date(request.closesAt.getTime() + 1)),
    ]);
    return { opening, closing };
  }
}
