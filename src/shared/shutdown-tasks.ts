import { BeforeApplicationShutdown, Logger, OnApplicationShutdown } from '@nestjs/common';

/** Work to do once the application has closed, such as stopping the embedded database. */
export class ShutdownTasks implements BeforeApplicationShutdown, OnApplicationShutdown {
  private readonly logger = new Logger('Shutdown');

  constructor(private readonly task?: () => Promise<void>) {}

  beforeApplicationShutdown(signal?: string): void {
    if (signal) this.logger.log(`${signal} received: closing the service, then its embedded database if any`);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.task?.();
  }
}
