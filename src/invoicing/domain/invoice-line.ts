export type InvoiceLineKind = 'usage' | 'late_usage' | 'fixed_fee' | 'overage' | 'prepaid_applied';
