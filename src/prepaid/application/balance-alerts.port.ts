import type { Money } from '../../shared/domain/money';

/** A prepaid balance a call has just taken below its plan's `lowBalanceThreshold`. */
export interface LowBalanceAlert {
  customerId: string;
  /** The balance once the call(s) that crossed the threshold were drawn. */
  balance: Money;
  threshold: Money;
  /** When the drawdown was recorded. */
  at: Date;
}

/**
 * Port: where `balance.low` alerts go, called inside the drawdown's unit of work, so an alert is
 * queued if and only if the drawdown that raised it commits. Implemented by invoice delivery's
 * outbox (the webhook channel), plugged in by the application.
 */
export abstract class BalanceAlerts {
  abstract enqueue(alerts: LowBalanceAlert[]): Promise<void>;
}
