// Everything the bench starts is registered here and torn down in reverse order, on success, on
// failure and on SIGINT/SIGTERM, so no database or service outlives the run.
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const TEMP_PREFIX = 'phone-billing-bench-';
const cleanups = [];
const lastResorts = [];

/** Runs `fn` at teardown (async allowed); `lastResort` runs synchronously in `exit` if it did not. */
export function onTeardown(fn, lastResort) {
  const entry = { fn, done: false };
  cleanups.push(entry);
  if (lastResort) lastResorts.push(() => entry.done || lastResort());
}

export async function teardown() {
  while (cleanups.length > 0) {
    const entry = cleanups.pop();
    try {
      await entry.fn();
    } catch (error) {
      console.error(`teardown: ${error instanceof Error ? error.message : error}`);
    } finally {
      entry.done = true;
    }
  }
}

let installed = false;

/**
 * SIGINT/SIGTERM: tear down, then exit. The synchronous last resorts (kill the service, remove the
 * temp folder) also run from `exit`, for any other way out.
 */
export function installSignalHandlers() {
  if (installed) return;
  installed = true;
  process.on('exit', () => {
    for (const lastResort of lastResorts) {
      try {
        lastResort();
      } catch {
        // best effort while exiting
      }
    }
  });
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => {
      console.error(`\n${signal}: stopping the service and the database`);
      for (const lastResort of lastResorts) lastResort();
      teardown().finally(() => process.exit(130));
    });
  }
}

export function tempPrefix() {
  return join(tmpdir(), TEMP_PREFIX);
}

/**
 * A bench killed with SIGKILL leaves its temp cluster running: stop the postmaster of any bench
 * folder whose bench process is gone, and remove the folder.
 */
export function sweepStaleRuns(log) {
  for (const name of readdirSync(tmpdir())) {
    if (!name.startsWith(TEMP_PREFIX)) continue;
    const dir = join(tmpdir(), name);
    const owner = readPid(join(dir, 'bench.pid'));
    if (owner !== null && isAlive(owner)) continue;
    const postmaster = readPid(join(dir, 'pg', 'postmaster.pid'));
    // Only processes this bench started: the pid must still run from this folder's cluster or build.
    if (postmaster !== null && isAlive(postmaster) && commandLine(postmaster).includes(dir)) {
      log(`stopping the stale bench cluster in ${dir} (postmaster ${postmaster})`);
      process.kill(postmaster, 'SIGINT');
      waitForExit(postmaster, 10_000);
    }
    const service = readPid(join(dir, 'service.pid'));
    if (service !== null && isAlive(service) && commandLine(service).includes('dist/src/main.js')) {
      process.kill(service, 'SIGKILL');
    }
    rmSync(dir, { recursive: true, force: true });
  }
}

function readPid(file) {
  if (!existsSync(file)) return null;
  const pid = Number(readFileSync(file, 'utf8').split('\n')[0]);
  return Number.isInteger(pid) && pid > 0 ? pid : null;
}

function commandLine(pid) {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
  } catch {
    return '';
  }
}

function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function waitForExit(pid, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (isAlive(pid) && Date.now() < deadline) {
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 50);
  }
}
