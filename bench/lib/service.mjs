// The service under test, as production runs it: `node dist/service/main.js` (the bundle) in a child process.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { request } from './http.mjs';
import { ROOT } from './paths.mjs';

const HEALTH_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 15_000;

/**
 * Starts the service against `databaseUrl` and waits for GET /health to answer 200.
 * @param {{ databaseUrl: string, port: number, apiKey: string, env?: Record<string, string>,
 *           cpuProfileDir?: string, nodeOptions?: string[], entry?: string }} options
 *   entry: the script node runs, relative to the repository (the bundle's entry by default)
 */
export async function startService({
  databaseUrl,
  port,
  apiKey,
  env = {},
  cpuProfileDir,
  nodeOptions = [],
  entry = 'dist/service/main.js',
}) {
  const nodeArgs = [...nodeOptions];
  if (cpuProfileDir) {
    nodeArgs.push('--cpu-prof', `--cpu-prof-dir=${cpuProfileDir}`);
    nodeArgs.push('--require', join(ROOT, 'bench/lib/exit-after-shutdown.cjs'));
  }
  const started = performance.now();
  const child = spawn(process.execPath, [...nodeArgs, entry], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: String(port),
      DATABASE_URL: databaseUrl,
      OPERATOR_API_KEY: apiKey,
      LOG_LEVEL: 'warn',
      INVOICING_SCHEDULER: 'false',
      MIGRATE_ON_START: 'true',
      ...env,
    },
  });
  let output = '';
  const keep = (chunk) => {
    output = (output + chunk.toString('utf8')).slice(-20_000);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));

  const service = {
    pid: child.pid,
    baseUrl: `http://127.0.0.1:${port}`,
    startupMs: 0,
    output: () => output,
    isRunning: () => child.exitCode === null && child.signalCode === null,
    /** SIGTERM (graceful: Nest closes, connections drain), SIGKILL if it hangs. */
    async stop() {
      if (!service.isRunning()) return;
      child.kill('SIGTERM');
      const timeout = new Promise((resolve) => setTimeout(resolve, STOP_TIMEOUT_MS, 'timeout').unref());
      if ((await Promise.race([exited, timeout])) === 'timeout') {
        child.kill('SIGKILL');
        await exited;
      }
    },
    killNow() {
      if (service.isRunning()) child.kill('SIGKILL');
    },
  };

  const deadline = Date.now() + HEALTH_TIMEOUT_MS;
  for (;;) {
    if (!service.isRunning()) {
      const { code, signal } = await exited;
      throw new Error(`the service exited (${signal ?? code}) before it was healthy:\n${output}`);
    }
    try {
      const health = await request(service.baseUrl, 'GET', '/health', { timeoutMs: 2_000 });
      if (health.status === 200) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      service.killNow();
      throw new Error(`the service was not healthy within ${HEALTH_TIMEOUT_MS} ms:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  service.startupMs = performance.now() - started;
  return service;
}
