import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { chown, mkdir, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { commandLineOf, identityOf, isRunning, parentOf } from './process-identity';

/** The unprivileged OS user the server runs as when this process is root (PostgreSQL refuses root). */
export interface RunAs {
  uid: number;
  gid: number;
}

export interface PostgresBinaries {
  initdb: string;
  postgres: string;
}

/** The port is taken: one line naming it and the setting that chooses it. */
export class EmbeddedPortInUseError extends Error {
  constructor(readonly port: number) {
    super(
      `The embedded PostgreSQL cannot listen on port ${port} (EMBEDDED_POSTGRES_PORT): another program ` +
        'is using it. Stop that program, or set EMBEDDED_POSTGRES_PORT to a free port',
    );
  }
}

const START_TIMEOUT_MS = 60_000;
const FAST_STOP_MS = 30_000;
const ORPHAN_STOP_MS = 15_000;
const READY = 'database system is ready to accept connections';

/**
 * The PostgreSQL binaries of the `embedded-postgres` packages for this platform (an optional
 * dependency: production images installed without it use DATABASE_URL).
 */
export async function postgresBinaries(): Promise<PostgresBinaries> {
  const name = `@embedded-postgres/${process.platform}-${process.arch}`;
  try {
    const binaries = (await import(name)) as PostgresBinaries;
    return { initdb: binaries.initdb, postgres: binaries.postgres };
  } catch {
    throw new Error(
      `DATABASE_URL is not set and the embedded PostgreSQL (${name}) is not installed: set DATABASE_URL, ` +
        'or install the optional dependencies (npm ci without --omit=optional)',
    );
  }
}

/** Root runs the server as the `postgres` user, created when missing. */
export function runAsForCurrentUser(): RunAs | null {
  if (process.getuid?.() !== 0) return null;
  try {
    return idsOf('postgres');
  } catch {
    execFileSync('useradd', ['--system', '--user-group', '--no-create-home', 'postgres'], {
      stdio: 'ignore',
    });
    return idsOf('postgres');
  }
}

function idsOf(user: string): RunAs {
  const id = (flag: string) => Number(execFileSync('id', [flag, user], { encoding: 'utf8' }).trim());
  return { uid: id('-u'), gid: id('-g') };
}

/** Creates a cluster in the (absent or empty) data directory: UTF-8, C collation, password auth. */
export async function initialiseCluster(
  initdb: string,
  dataDir: string,
  superuser: { user: string; password: string },
  runAs: RunAs | null,
): Promise<void> {
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  const passwordFile = `${dataDir}.pwfile`;
  await writeFile(passwordFile, `${superuser.password}\n`, { mode: 0o600 });
  if (runAs) {
    await chown(dataDir, runAs.uid, runAs.gid);
    await chown(passwordFile, runAs.uid, runAs.gid);
  }
  try {
    await run(
      initdb,
      [
        `--pgdata=${dataDir}`,
        '--auth=password',
        `--username=${superuser.user}`,
        `--pwfile=${passwordFile}`,
        '--encoding=UTF8',
        '--locale=C',
        '--lc-messages=C',
      ],
      runAs,
    );
  } finally {
    await rm(passwordFile, { force: true });
  }
}

export interface RunningServer {
  pid: number;
  /** Fast shutdown (SIGINT), then harder signals if it hangs; resolves once the server has exited. */
  stop(): Promise<void>;
}

/**
 * Starts `postgres` on the data directory in its own process group, so a Ctrl-C meant for the
 * service reaches the service alone, which stops the server after it has closed. If this process
 * exits without stopping it, an exit hook still asks it to shut down.
 */
export async function startServer(options: {
  postgres: string;
  dataDir: string;
  port: number;
  flags: string[];
  runAs: RunAs | null;
  onLog: (line: string) => void;
}): Promise<RunningServer> {
  await assertPortFree(options.port);
  const child = spawn(
    options.postgres,
    ['-D', options.dataDir, '-p', String(options.port), ...options.flags],
    {
      detached: true,
      stdio: ['ignore', 'ignore', 'pipe'],
      env: postgresEnvironment(),
      ...(options.runAs ?? {}),
    },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const lastExit = () => signal(child, 'SIGINT');
  process.on('exit', lastExit);
  try {
    await waitUntilReady(child, options);
  } catch (error) {
    signal(child, 'SIGKILL');
    await exited;
    process.removeListener('exit', lastExit);
    throw error;
  }
  let stopping: Promise<void> | null = null;
  return {
    pid: child.pid!,
    stop: () =>
      (stopping ??= (async () => {
        await stopProcess(child, exited);
        process.removeListener('exit', lastExit);
      })()),
  };
}

function waitUntilReady(
  child: ChildProcess,
  options: { port: number; onLog: (line: string) => void },
): Promise<void> {
  return new Promise((resolve, reject) => {
    let output = '';
    let ready = false;
    const timer = setTimeout(
      () => reject(new Error(`The embedded PostgreSQL did not start within ${START_TIMEOUT_MS / 1000} s`)),
      START_TIMEOUT_MS,
    );
    child.stderr!.setEncoding('utf8');
    child.stderr!.on('data', (chunk: string) => {
      options.onLog(chunk);
      if (ready) return;
      output = (output + chunk).slice(-8_000);
      if (output.includes(READY)) {
        ready = true;
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.once('exit', (code, signalName) => {
      clearTimeout(timer);
      if (ready) return;
      if (/could not bind|Address already in use/i.test(output))
        reject(new EmbeddedPortInUseError(options.port));
      else
        reject(
          new Error(
            `The embedded PostgreSQL stopped while starting (${code ?? signalName}): ${lastErrors(output)}`,
          ),
        );
    });
  });
}

/** The server's FATAL/ERROR lines, on one line. */
function lastErrors(output: string): string {
  const errors = output.split('\n').filter((line) => /FATAL|ERROR|PANIC/.test(line));
  return (errors.length > 0 ? errors : output.split('\n').filter(Boolean)).slice(-3).join(' | ').trim();
}

async function stopProcess(child: ChildProcess, exited: Promise<void>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  for (const [name, waitMs] of [
    ['SIGINT', FAST_STOP_MS],
    ['SIGQUIT', 5_000],
    ['SIGKILL', 5_000],
  ] as const) {
    signal(child, name);
    if (await settlesWithin(exited, waitMs)) return;
  }
}

function settlesWithin(promise: Promise<void>, ms: number): Promise<boolean> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    void promise.then(() => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

function signal(child: ChildProcess, name: NodeJS.Signals): void {
  try {
    child.kill(name);
  } catch {
    // already gone
  }
}

export async function assertPortFree(port: number): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const probe = createServer();
    probe.once('error', (error: NodeJS.ErrnoException) =>
      reject(error.code === 'EADDRINUSE' ? new EmbeddedPortInUseError(port) : error),
    );
    probe.listen({ port, host: '127.0.0.1', exclusive: true }, () => probe.close(() => resolve()));
  });
}

/**
 * A server still running on this data directory while nobody holds its claim was left behind by a
 * service that died without stopping it (SIGKILL, a crash): stop it, so this start can take over.
 * Only a `postgres` process serving this very directory whose parent is no longer a live service is
 * signalled; a postmaster.pid naming any other process is stale and removed.
 */
export async function stopOrphanedServer(dataDir: string, log: (message: string) => void): Promise<void> {
  const pidFile = join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0) return;
  const postmaster = identityOf(pid);
  if (!isRunning(postmaster)) return; // PostgreSQL replaces a stale pid file itself
  if (!servesDirectory(pid, dataDir)) {
    await rm(pidFile, { force: true }); // the pid now belongs to another program
    return;
  }
  const parent = parentOf(pid);
  if (
    parent !== null &&
    parent !== 1 &&
    isRunning(identityOf(parent)) &&
    /\bnode\b/.test(commandLineOf(parent))
  ) {
    throw new Error(
      `The embedded PostgreSQL in ${dataDir} (pid ${pid}) is run by process ${parent}, which is still running: ` +
        'stop that service first',
    );
  }
  log(`Stopping the embedded PostgreSQL (pid ${pid}) left behind by a service that is no longer running`);
  for (const [name, waitMs] of [
    ['SIGINT', ORPHAN_STOP_MS],
    ['SIGQUIT', 5_000],
    ['SIGKILL', 5_000],
  ] as const) {
    try {
      process.kill(pid, name);
    } catch {
      return;
    }
    if (await exitsWithin(postmaster, waitMs)) return;
  }
  throw new Error(`The embedded PostgreSQL left behind in ${dataDir} (pid ${pid}) does not stop`);
}

function servesDirectory(pid: number, dataDir: string): boolean {
  const command = commandLineOf(pid);
  if (command === '') return process.platform !== 'linux'; // cannot tell: trust postmaster.pid
  return /postgres/.test(command) && command.includes(dataDir);
}

async function exitsWithin(identity: ReturnType<typeof identityOf>, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (!isRunning(identity)) return true;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return !isRunning(identity);
}

/**
 * The environment PostgreSQL's programs run in: the service's, with messages in English (the log
 * lines are matched), and without GLIBC_TUNABLES, which npm start sets for node's allocator
 * (README, "Heap limits") and which would fix PostgreSQL's mmap threshold too.
 */
function postgresEnvironment(): NodeJS.ProcessEnv {
  const environment: NodeJS.ProcessEnv = { ...process.env, LC_MESSAGES: 'C' };
  delete environment.GLIBC_TUNABLES;
  return environment;
}

function run(command: string, args: string[], runAs: RunAs | null): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      stdio: ['ignore', 'ignore', 'pipe'],
      env: postgresEnvironment(),
      ...(runAs ?? {}),
    });
    let errors = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => (errors = (errors + chunk).slice(-4_000)));
    child.once('error', reject);
    child.once('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`initdb failed (exit ${code}): ${lastErrors(errors)}`)),
    );
  });
}
