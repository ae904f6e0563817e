import type { Money } from '../../shared/domain/money';

/**
 * The calls billed on one invoice, aggregated per period and rate (destination group, per-minute
 * rate), never one row per call.
 */
export interface BilledCallGroup {
  period: string;
  group: string;
  ratePerMinute: Money;
  /** The sum of the calls' minutes (ceil(durationSeconds / 60) each). */
  minutes: number;
  /** The sum of the calls' billed seconds. */
  billedSeconds: number;
  callCount: number;
  /** The exact sum of the calls' charges. */
  charge: Money;
  /** Sum of what prepaid balances covered; null when these calls were not prepaid. */
  covered: Money | null;
}
