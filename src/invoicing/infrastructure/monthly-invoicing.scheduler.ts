import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { CronJob } from 'cron';
import { AppConfiguration } from '../../config';
import { RunMonthlyInvoicingUseCase } from '../application/run-monthly-invoicing.use-case';

export const MONTHLY_INVOICING_JOB = 'monthly-invoicing';

/**
 * Fires the monthly run on INVOICING_CRON (UTC; hourly by default, so each customer is invoiced in
 * the first hour of the 1st in its own time zone, and a service that was down catches up at the
 * next firing). Registered through @nestjs/schedule's registry because the expression is
 * configuration, not a constant. One run at a time per instance; instances coordinate in the database.
 */
@Injectable()
export class MonthlyInvoicingScheduler implements OnApplicationBootstrap {
  private readonly logger = new Logger(MonthlyInvoicingScheduler.name);
  private running = false;

  constructor(
    private readonly registry: SchedulerRegistry,
    private readonly run: RunMonthlyInvoicingUseCase,
    private readonly config: AppConfiguration,
  ) {}

  onApplicationBootstrap(): void {
    const job = CronJob.from({
      cronTime: this.config.INVOICING_CRON,
      timeZone: 'UTC',
      onTick: () => this.fire(),
      start: false,
    });
    this.registry.addCronJob(MONTHLY_INVOICING_JOB, job);
    if (this.config.INVOICING_SCHEDULER) job.start();
  }

  async fire(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      const summary = await this.run.execute();
      if (summary.customers > 0) this.logger.log({ summary }, 'Monthly invoicing run finished');
    } catch (error) {
      this.logger.error({ err: error }, 'Monthly invoicing run failed; the next firing retries');
    } finally {
      this.running = false;
    }
  }
}
