/**
 * Port: how many call records are held in suspense right now, read when /metrics is scraped.
 * Its first adapter answers 0, as nothing is held in suspense until suspense exists (#17).
 */
export abstract class SuspendedCallCount {
  abstract count(): Promise<number>;
}
