import { counted } from '../../shared/domain/counted';
import type { InvoiceLineDraft, UsageGroup } from './billing-plan';

/** One usage line per unit price: the exact total minutes × unit price (rounded later, by the invoice). */
export function usageLines(period: string, groups: UsageGroup[]): InvoiceLineDraft[] {
  return [...groups]
    .sort((a, b) => a.unitPrice.compareTo(b.unitPrice))
    .map((group) => ({
      kind: 'usage',
      description: `${counted(group.minutes, 'minute')} at ${group.unitPrice.toString()} ${group.unitPrice.currency}`,
      period,
      quantity: group.minutes,
      unitPrice: group.unitPrice,
      amount: group.unitPrice.times(group.minutes),
    }));
}

export function totalMinutes(groups: UsageGroup[]): number {
  return groups.reduce((sum, group) => sum + group.minutes, 0);
}
