import { PERIOD_PATTERN } from '../../../shared/domain/billing-period';
import { TextField } from '../../../shared/http/fields';

// The format itself (YYYY-MM) is checked by the domain's BillingPeriod, with its own problem type.
export class IssueInvoiceDto {
  @TextField({
    maxLength: 7,
    domainPattern: PERIOD_PATTERN,
    example: '2026-09',
    description: 'A closed calendar month in the customer time zone',
  })
  period!: string;
}

export class InvoicingRunDto {
  @TextField({
    optional: true,
    maxLength: 7,
    domainPattern: PERIOD_PATTERN,
    example: '2026-09',
    description: "Default: each customer's own last closed period",
  })
  period?: string;
}
