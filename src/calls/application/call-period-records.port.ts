/** A time window of stored calls, and the period BillingPeriod gives every instant in it. */
export interface PeriodWindow {
  start: Date;
  end: Date;
  period: string;
}

/** Windows to look in, for each of these customers (the customers of one zone, or one customer). */
export interface WindowGroup {
  customerIds: string[];
  windows: PeriodWindow[];
}

/** A stored call found in a window; `windowPeriod` is the window's period. */
export interface CallInWindow {
  id: string;
  customerId: string;
  windowPeriod: string;
}

/** The period fields of a stored call, as a period repair reads them. */
export interface StoredCallPeriod {
  id: string;
  callId: string;
  customerId: string;
  startedAt: Date;
  receivedAt: Date;
  period: string;
  late: boolean;
  lateInvoiceId: string | null;
}

export interface CallPeriodUpdate {
  id: string;
  period: string;
  late: boolean;
  lateInvoiceId: string | null;
}

/**
 * Port (the calls module's, for the period repair of the invoicing module): the period fields of
 * stored calls, read, row-locked and rewritten in the repair's unit of work.
 */
export abstract class CallPeriodRecords {
  /** The calls started in the windows, each with its window's period (a call in two overlapping windows once). */
  abstract startedIn(groups: WindowGroup[]): Promise<CallInWindow[]>;
  /** These calls as stored, row-locked until the unit of work ends; in id order. */
  abstract lock(ids: string[]): Promise<StoredCallPeriod[]>;
  abstract store(updates: CallPeriodUpdate[]): Promise<void>;
}
