import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { AppConfiguration } from '../../config';
import { DeliveryChannels } from '../application/delivery-channel';
import { DispatchInvoiceDeliveriesUseCase } from '../application/dispatch-invoice-deliveries.use-case';

/**
 * Runs the dispatch every DELIVERY_POLL_INTERVAL_MS (a real interval: the backoff itself is read
 * from the Clock). One tick at a time per instance; instances share the work through the
 * database's leases. DELIVERY_DISPATCHER=false leaves dispatching to other instances (or tests).
 */
@Injectable()
export class InvoiceDeliveryDispatcher implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('InvoiceDelivery');
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopped = false;

  constructor(
    private readonly dispatch: DispatchInvoiceDeliveriesUseCase,
    private readonly channels: DeliveryChannels,
    private readonly config: AppConfiguration,
  ) {}

  onApplicationBootstrap(): void {
    for (const { name, reason } of this.channels.off)
      this.logger.log(`${name[0].toUpperCase()}${name.slice(1)} delivery is off: ${reason}`);
    const channels = this.channels.names;
    if (channels.length === 0 || !this.config.DELIVERY_DISPATCHER) return;
    this.logger.log(
      { channels, intervalMs: this.config.DELIVERY_POLL_INTERVAL_MS },
      'Invoice delivery dispatcher started',
    );
    this.schedule(0);
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.tick().finally(() => {
        this.running = null;
        this.schedule(this.config.DELIVERY_POLL_INTERVAL_MS);
      });
    }, delayMs);
  }

  private async tick(): Promise<void> {
    try {
      const summary = await this.dispatch.dispatchDue();
      if (summary.attempted > 0 || summary.failed > 0)
        this.logger.log({ summary }, 'Invoice deliveries dispatched');
    } catch (error) {
      this.logger.error({ err: error }, 'Invoice delivery dispatch failed; the next tick retries');
    }
  }
}
