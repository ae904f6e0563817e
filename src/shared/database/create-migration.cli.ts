import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { MikroORM } from '@mikro-orm/postgresql';
import { createOrmConfig } from '../../../mikro-orm.config';
import { ensureDatabase, startEmbeddedDatabase } from './embedded-database';
import { migrateToLatest } from './migrate';
import { addToMigrationList } from './migration-list';

const MIGRATIONS_DIR = resolve('src/migrations');
const USAGE = 'usage: npm run migration:create -- --name <snake_case_name>';

/**
 * `npm run migration:create -- --name <name>`: writes the migration that takes the schema the
 * committed migrations build to the one the entities describe, and lists it in
 * `src/migrations/index.ts`. The diff is taken against a scratch embedded PostgreSQL that the
 * committed migrations build from empty (never against a developer's database, whatever it holds),
 * so nothing but the entities and the migrations decides it. Writes nothing when they already agree.
 */
async function main(): Promise<void> {
  const name = parseArgs({ options: { name: { type: 'string' } } }).values.name;
  if (!name || !/^[a-z][a-z0-9_]*$/.test(name)) throw new Error(USAGE);

  const scratchDir = await mkdtemp(join(tmpdir(), 'phone-billing-migration-'));
  const dataDir = join(scratchDir, 'pg');
  const server = await startEmbeddedDatabase({
    dataDir,
    port: await freePort(),
    postgresFlags: ['-c', 'fsync=off'],
  });
  try {
    await ensureDatabase(server.url(), 'phone_billing_scratch');
    const orm = await MikroORM.init(
      createOrmConfig(server.url('phone_billing_scratch'), { pool: { min: 0, max: 1 } }),
    );
    try {
      await migrateToLatest(orm);
      const created = await orm.migrator.create(MIGRATIONS_DIR, false, false, name);
      if (!created.fileName) {
        console.log('The entities match the committed migrations: no migration written.');
        return;
      }
      const className = created.fileName.replace(/\.ts$/, '');
      await register(className);
      console.log(`Wrote src/migrations/${created.fileName} and listed it in src/migrations/index.ts:\n`);
      console.log(created.diff.up.join('\n'));
    } finally {
      await orm.close();
    }
  } finally {
    await server.stop();
    await rm(scratchDir, { recursive: true, force: true });
  }
}

/** Lists the migration in index.ts and formats both files as `npm run lint` expects them. */
async function register(className: string): Promise<void> {
  const index = join(MIGRATIONS_DIR, 'index.ts');
  await writeFile(index, addToMigrationList(await readFile(index, 'utf8'), className));
  // prettier is a devDependency, like this command: loaded only here.
  const prettier = await import('prettier');
  for (const file of [index, join(MIGRATIONS_DIR, `${className}.ts`)]) {
    const options = await prettier.resolveConfig(file);
    await writeFile(
      file,
      await prettier.format(await readFile(file, 'utf8'), { ...options, filepath: file }),
    );
  }
}

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => {
        if (typeof address === 'object' && address) resolvePort(address.port);
        else reject(new Error('No free port for the scratch database'));
      });
    });
  });
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
