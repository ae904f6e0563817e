import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { SYSTEM_ACTOR } from '../../shared/domain/actor';
import { RetrySuspendedCalls } from '../application/retry-suspended-calls';

/**
 * The rate catalog is configuration: a new catalog is a restart. So at start the calls held for
 * `no-rate` are retried once, in the background (health answers meanwhile), by the system. Shutdown
 * waits for the retry in progress (each chunk is its own transaction).
 */
@Injectable()
export class StartUpRetry implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Suspense');
  private running: Promise<void> | null = null;

  constructor(private readonly retry: RetrySuspendedCalls) {}

  onApplicationBootstrap(): void {
    this.running = this.retryUnpriced();
  }

  /** The start-up retry, for whoever must wait for it (tests, shutdown). */
  settled(): Promise<void> {
    return this.running ?? Promise.resolve();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.settled();
  }

  private async retryUnpriced(): Promise<void> {
    try {
      const totals = await this.retry.run({ reason: 'no-rate' }, SYSTEM_ACTOR);
      if (totals.retried > 0) this.logger.log(totals, 'Retried the calls held for no rate');
    } catch (error) {
      this.logger.error({ err: error }, 'Retrying the calls held for no rate at start failed');
    }
  }
}
