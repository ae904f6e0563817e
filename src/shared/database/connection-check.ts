import { Client } from 'pg';
import { withoutUrlCredentials } from '../../config';

/** Start-up cannot reach the configured database: one line saying what was tried and what to check. */
export class DatabaseUnreachableError extends Error {}

const CONNECT_TIMEOUT_MS = 10_000;

/** Connects once to `url` (from the setting named `source`); throws DatabaseUnreachableError if it cannot. */
export async function assertDatabaseReachable(url: string, source = 'DATABASE_URL'): Promise<void> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
  client.on('error', () => undefined); // a failed connect also emits 'error'; the rejection says it all
  try {
    await client.connect();
  } catch (error) {
    throw new DatabaseUnreachableError(describeConnectionFailure(url, error, source));
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * "Cannot connect to PostgreSQL at host:port (database, user, from DATABASE_URL): what happened.
 * What to check." Never the password.
 */
export function describeConnectionFailure(url: string, error: unknown, source = 'DATABASE_URL'): string {
  const target = targetOf(url);
  const tried = `PostgreSQL at ${target.host}:${target.port} (database "${target.database}", user "${target.user}", from ${source})`;
  return `Cannot connect to ${tried}: ${reasonOf(error as { code?: string; message?: string }, target, source)}`;
}

function reasonOf(error: { code?: string; message?: string }, target: Target, source: string): string {
  switch (error?.code) {
    case 'ECONNREFUSED':
      return `connection refused. Check that PostgreSQL is running there and that ${source} names the right host and port`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `the host name ${target.host} does not resolve. Check the host in ${source}`;
    case 'ETIMEDOUT':
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return `no answer. Check the host and port in ${source} and that no firewall is in the way`;
    case '28P01':
    case '28000':
      return `the server refused user "${target.user}". Check the user name and password in ${source}`;
    case '3D000':
      return `database "${target.database}" does not exist. Create it, or fix the database name in ${source}`;
    case '57P03':
      return 'the server is starting up or shutting down. Try again in a moment';
    default:
      if (/timeout/i.test(error?.message ?? ''))
        return `no answer within ${CONNECT_TIMEOUT_MS / 1000} s. Check the host and port in ${source} and that no firewall is in the way`;
      return `${withoutUrlCredentials(error?.message ?? 'unknown error')}. Check ${source}`;
  }
}

interface Target {
  host: string;
  port: string;
  database: string;
  user: string;
}

function targetOf(url: string): Target {
  try {
    const parsed = new URL(url);
    return {
      host: parsed.hostname || 'localhost',
      port: parsed.port || '5432',
      database: decodeURIComponent(parsed.pathname.replace(/^\//, '')) || decodeURIComponent(parsed.username),
      user: decodeURIComponent(parsed.username) || 'the default user',
    };
  } catch {
    return { host: '?', port: '?', database: '?', user: '?' };
  }
}
