export interface CallHistoryFilter {
  customerId: string;
  from: Date | null;
  to: Date | null;
  phoneNumber: string | null;
  /** Keyset position: strictly older than this (startedAt, id). */
  before: { startedAt: Date; id: string } | null;
  limit: number;
}

/** An amount as the API writes it. */
export interface MoneyView {
  amount: string;
  currency: string;
}

/** A stored call as the API shows it: the Call resource, with instants in ISO 8601 (UTC). */
export interface CallView {
  id: string;
  callId: string;
  customerId: string;
  phoneNumber: string;
  destination: string | null;
  startedAt: string;
  /** `ceil(durationSeconds / 60)`. */
  minutes: number;
  durationSeconds: number;
  billedSeconds: number;
  /** The destination group and per-minute rate the call was rated at (a decimal string). */
  rate: { group: string; ratePerMinute: string };
  charge: MoneyView;
  plan: string;
  period: string;
  receivedAt: string;
  /** Prepaid only. */
  coveredByBalance?: MoneyView;
}

/**
 * Port: the read side of the call history. Pages are read far more often than calls are written,
 * so they come straight from the store as views: no domain object is built only to be serialised.
 */
export abstract class CallHistory {
  /** Newest startedAt first. */
  abstract page(filter: CallHistoryFilter): Promise<CallView[]>;
}
