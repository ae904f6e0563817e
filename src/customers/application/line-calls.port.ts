/**
 * Port: what the calls module knows of a line's calls. Declared here, implemented by the calls
 * module (its `LineCallsModule`, plugged in by the application), so customers never imports calls.
 */
export abstract class LineCalls {
  /** The start of the latest call recorded for this customer from this number (E.164); null: none. */
  abstract latestCallStart(customerId: string, number: string): Promise<Date | null>;
}
