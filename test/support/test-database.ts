import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

/** Set by the global setup: a server URL whose database name marks it as a test database. */
export const TEST_SERVER_URL_VARIABLE = 'PHONE_BILLING_TEST_SERVER_URL';
export const TEMPLATE_SUFFIX = '_template';

/** The guard: integration tests never touch a database whose name does not say "test". */
export function assertTestDatabase(url: string): void {
  const name = databaseName(url);
  if (!/test/i.test(name)) {
    throw new Error(`Refusing to run tests against database "${name}": its name must contain "test".`);
  }
}

export function databaseName(url: string): string {
  return decodeURIComponent(new URL(url).pathname.replace(/^\//, ''));
}

export function withDatabase(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${encodeURIComponent(name)}`;
  return parsed.toString();
}

export async function withClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** A fresh, migrated database for one test file, cloned from the migrated template. */
export async function createFreshDatabase(): Promise<string> {
  const serverUrl = process.env[TEST_SERVER_URL_VARIABLE];
  if (!serverUrl) throw new Error('The integration global setup did not run');
  assertTestDatabase(serverUrl);
  const base = databaseName(serverUrl);
  const name = `${base}_${randomBytes(4).toString('hex')}`;
  await withClient(withDatabase(serverUrl, 'postgres'), (client) =>
    client.query(`CREATE DATABASE "${name}" TEMPLATE "${base}${TEMPLATE_SUFFIX}"`),
  );
  return withDatabase(serverUrl, name);
}

export async function dropDatabase(url: string): Promise<void> {
  const serverUrl = process.env[TEST_SERVER_URL_VARIABLE]!;
  await withClient(withDatabase(serverUrl, 'postgres'), (client) =>
    client.query(`DROP DATABASE IF EXISTS "${databaseName(url)}" WITH (FORCE)`),
  );
}
