import 'reflect-metadata';
import { loadPlanCatalog } from './billing-plans';
import { loadConfig, withOperatorKey } from './config';
import { createApp } from './app.factory';
import { resolveDatabase } from './shared/database/database-location';
import { migrateOnStart } from './shared/database/migrate-on-start';

async function bootstrap(): Promise<void> {
  const config = withOperatorKey(loadConfig(), (message) => console.log(message));
  loadPlanCatalog(config); // a wrong plans file stops start-up here, before the database starts
  const database = await resolveDatabase(config, (message) => console.log(message));
  if (config.MIGRATE_ON_START) await migrateOnStart(database.url);
  // SIGINT/SIGTERM close the app (enableShutdownHooks), then stop the embedded server, if any.
  const app = await createApp({ config, databaseUrl: database.url, onShutdown: database.release });
  await app.listen({ port: config.PORT, host: config.HOST });
  console.log(`phone-billing listening on http://localhost:${config.PORT} (docs at /docs)`);
}

bootstrap().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
