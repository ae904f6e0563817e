import 'reflect-metadata';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { loadPlanCatalog } from './billing-plans';
import { type AppConfig, loadConfig, loadDotEnv, withOperatorKey } from './config';
import { createApp } from './app.factory';
import { resolveDatabase } from './shared/database/database-location';
import { migrateOnStart } from './shared/database/migrate-on-start';
import { StartupInterrupted, StartupSignals } from './shared/startup-signals';

const log = (message: string) => console.log(message);

async function bootstrap(): Promise<void> {
  loadDotEnv();
  const config = withOperatorKey(loadConfig(), log);
  loadPlanCatalog(config); // a wrong plans file stops start-up here, before the database starts
  // Until the app's own shutdown hooks are in place, a SIGINT/SIGTERM stops what was started so far.
  const signals = new StartupSignals();
  const database = await resolveDatabase(config, log);
  let app: NestFastifyApplication | undefined;
  try {
    await signals.stopIfSignalled();
    if (config.MIGRATE_ON_START) await migrateOnStart(database.url);
    await signals.stopIfSignalled();
    signals.dispose();
    // From here SIGINT/SIGTERM close the app, then stop the embedded server (AppModule's ShutdownTasks).
    app = await createApp({ config, databaseUrl: database.url, onShutdown: database.release });
    await listen(app, config);
  } catch (error) {
    await app?.close().catch(() => undefined);
    await database.release();
    throw error;
  }
  log(`phone-billing listening on http://localhost:${config.PORT} (docs at /docs)`);
}

async function listen(app: NestFastifyApplication, config: AppConfig): Promise<void> {
  try {
    await app.listen({ port: config.PORT, host: config.HOST });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
    throw new Error(
      `PORT ${config.PORT} is already in use on ${config.HOST}: another program (perhaps another ` +
        'phone-billing service) listens on it. Stop it, or set PORT to a free port',
      { cause: error },
    );
  }
}

/**
 * Starts the service: configuration, database (embedded when `DATABASE_URL` is unset), migrations
 * when `MIGRATE_ON_START`, then HTTP. A failure prints one line and exits 1 (0 when a signal
 * stopped start-up). Called by `main.ts` and by the bundle's entry (`scripts/bundle-service.cjs`).
 */
export function serve(): void {
  bootstrap().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(error instanceof StartupInterrupted ? 0 : 1);
  });
}
