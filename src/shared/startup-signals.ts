const SIGNALS = ['SIGINT', 'SIGTERM'] as const;

/** A SIGINT or SIGTERM arrived during start-up: the start stops after releasing what it started. */
export class StartupInterrupted extends Error {
  constructor(readonly signal: NodeJS.Signals) {
    super(`${signal} received during start-up: stopped`);
  }
}

/**
 * Holds SIGINT/SIGTERM while the service starts (the database, the migrations), so a signal then
 * does not kill the process with the embedded server still running: the start notices it at its
 * next step and unwinds. Disposed once the application's own shutdown hooks take over.
 */
export class StartupSignals {
  private received: NodeJS.Signals | null = null;
  private readonly listener = (signal: NodeJS.Signals) => {
    this.received ??= signal;
  };

  constructor() {
    for (const signal of SIGNALS) process.on(signal, this.listener);
  }

  /** Throws StartupInterrupted when a signal has arrived. */
  stopIfSignalled(): Promise<void> {
    return this.received ? Promise.reject(new StartupInterrupted(this.received)) : Promise.resolve();
  }

  dispose(): void {
    for (const signal of SIGNALS) process.removeListener(signal, this.listener);
  }
}
