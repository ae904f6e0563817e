import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module';
import { loadConfig, withOperatorKey } from './config';
import { type CallPeriodRepairReport, RepairCallPeriodsUseCase } from './invoicing';
import { resolveDatabase } from './shared/database/database-location';

/**
 * `npm run periods:repair [-- --dry-run]` (the built code: `npm run build` first): the one-off
 * repair of the billing period stored on calls by the code before issue #12 (README, "Repairing
 * stored periods"). `DATABASE_URL`, or the embedded database when it is not set; the schema must be
 * migrated. Prints one line per change, then a JSON summary.
 */
export async function runCallPeriodRepair(
  args: readonly string[],
  env: NodeJS.ProcessEnv,
  print: (line: string) => void,
): Promise<CallPeriodRepairReport> {
  const dryRun = args.includes('--dry-run');
  const config = withOperatorKey(
    // A maintenance run: it neither invoices nor delivers anything of its own.
    loadConfig({ LOG_LEVEL: 'warn', ...env, INVOICING_SCHEDULER: 'false', DELIVERY_DISPATCHER: 'false' }),
    () => undefined,
  );
  const database = await resolveDatabase(config, print);
  const app = await NestFactory.createApplicationContext(
    AppModule.forRoot({ config, databaseUrl: database.url, onShutdown: database.release }),
    { logger: ['error', 'warn'] },
  );
  try {
    const report = await app.get(RepairCallPeriodsUseCase).execute({ dryRun });
    for (const line of reportLines(report)) print(line);
    return report;
  } finally {
    await app.close();
  }
}

function reportLines(report: CallPeriodRepairReport): string[] {
  const lines = report.changes.map(({ call, ...change }) => {
    const billedOn = change.lateInvoiceId
      ? `, kept off ${change.correctPeriod}: billed on invoice ${change.lateInvoiceId}`
      : '';
    return (
      `${change.outcome} call ${call.callId} (customer ${call.customerId}, started ${call.startedAt.toISOString()}): ` +
      `period ${call.period} -> ${change.period}${change.late ? ' (late)' : ''}${billedOn}`
    );
  });
  const { changes, ...summary } = report;
  return [...lines, JSON.stringify({ ...summary, changed: changes.length })];
}

if (require.main === module) {
  runCallPeriodRepair(process.argv.slice(2), process.env, (line) => console.log(line)).catch(
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}
