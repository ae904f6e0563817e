/** The connection pool's state, as `pg`'s pool counts it. */
export interface DatabasePoolState {
  /** Open connections, busy or idle. */
  connections: number;
  idleConnections: number;
  /** Queries waiting for a connection because every one is busy. */
  waitingRequests: number;
  maxConnections: number;
}

/** Port: the state of the pool the service's queries run on, read when /metrics is scraped. */
export abstract class DatabasePool {
  abstract state(): Promise<DatabasePoolState>;
}
