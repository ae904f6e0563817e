import { OnApplicationShutdown } from '@nestjs/common';

/** Work to do once the application has closed, such as stopping the embedded database. */
export class ShutdownTasks implements OnApplicationShutdown {
  constructor(private readonly task?: () => Promise<void>) {}

  async onApplicationShutdown(): Promise<void> {
    await this.task?.();
  }
}
