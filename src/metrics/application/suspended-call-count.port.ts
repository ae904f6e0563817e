/**
 * Port: how many call records are held in suspense right now, read when /metrics is scraped.
 * Implemented by the suspense module over its own table (provided globally).
 */
export abstract class SuspendedCallCount {
  abstract count(): Promise<number>;
}
