import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import type { ProcessIdentity } from '../../src/shared/database/embedded/process-identity';
import { aListeningPort } from '../support/listening-ports';
import { createFreshDatabase, dropDatabase } from '../support/test-database';
import { aTestFolder, removeTestFolder } from '../support/test-folders';
import { dockerCommand, glibcTunables, nodeOptions } from './project-files';
import {
  allGone,
  killAll,
  OPERATOR_KEY,
  processTree,
  type ServiceProcess,
  startCommand,
} from './service-process';

/** A start may wait 90 s for health (`npm start` builds first); a busy machine needs all of it, and the stop after. */
const PROCESS_TEST_TIMEOUT_MS = 240_000;

/**
 * The documented commands, run as a user or a container manager runs them: `npm start` (which
 * builds; the other tests reuse its build), `npm run serve`, `npm run migration:up`. Each signal
 * goes to the outer process only, and afterwards neither node nor PostgreSQL may still run.
 */
describe('The service as a process', () => {
  let folder: string;
  let dataDir: string;
  const started: ProcessIdentity[] = [];
  const httpPort = () => aListeningPort('service');
  const databasePort = () => aListeningPort('servicePostgres');
  let settings: Record<string, string>;
  let customerId: string;

  beforeAll(() => {
    folder = aTestFolder('lifecycle');
    dataDir = join(folder, 'pg');
  });
  afterAll(() => {
    killAll(started);
    removeTestFolder(folder);
  });

  function start(script: string[], env: Record<string, string> = {}): ServiceProcess {
    const service = startCommand('npm', script, { ...settings, ...env });
    started.push(...processTree(service.pid));
    return service;
  }

  async function healthyTree(service: ServiceProcess, port: number): Promise<ProcessIdentity[]> {
    await service.healthy(port);
    const tree = processTree(service.pid);
    started.push(...tree);
    return tree;
  }

  const api = (port: number, path: string, init: RequestInit = {}) =>
    fetch(`http://127.0.0.1:${port}${path}`, {
      ...init,
      headers: { Authorization: `Bearer ${OPERATOR_KEY}`, 'Content-Type': 'application/json' },
    });

  /**
   * The bundle (dist/service/) runs code that reads files next to itself in the unbundled layout:
   * the portal's templates and stylesheet (dist/src), Swagger UI's files and pdfkit's fonts
   * (node_modules). Each is served once here.
   */
  async function expectFilesFoundByTheBundle(port: number, customer: string): Promise<void> {
    const login = await fetch(`http://127.0.0.1:${port}/portal/login`);
    expect({ status: login.status, form: (await login.text()).includes('name="apiKey"') }).toEqual({
      status: 200,
      form: true,
    });
    const stylesheet = await fetch(`http://127.0.0.1:${port}/portal/assets/portal.css`);
    expect({ status: stylesheet.status, type: stylesheet.headers.get('content-type') }).toEqual({
      status: 200,
      type: expect.stringContaining('text/css'),
    });
    const docs = await fetch(`http://127.0.0.1:${port}/docs/swagger-ui.css`);
    expect({ status: docs.status, bytes: (await docs.text()).length > 10_000 }).toEqual({
      status: 200,
      bytes: true,
    });

    const lastMonth = new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth() - 1, 15, 12));
    const call = await api(port, '/v1/calls', {
      method: 'POST',
      body: JSON.stringify({
        callId: 'lifecycle-pdf-1',
        phoneNumber: '+351912340001',
        destination: '+14155550100',
        startedAt: lastMonth.toISOString(),
        minutes: 3,
      }),
    });
    expect(call.status).toBe(201);
    const invoice = await api(port, `/v1/customers/${customer}/invoices`, {
      method: 'POST',
      body: JSON.stringify({ period: lastMonth.toISOString().slice(0, 7) }),
    });
    expect(invoice.status).toBe(201);
    const { id } = (await invoice.json()) as { id: string };
    const pdf = await api(port, `/v1/invoices/${id}/pdf`);
    const bytes = Buffer.from(await pdf.arrayBuffer());
    expect({ status: pdf.status, start: bytes.subarray(0, 5).toString('latin1') }).toEqual({
      status: 200,
      start: '%PDF-',
    });
  }

  it(
    'npm start builds and serves from the bundle, its files and PDFs included; a second start on the same database refuses in one line and the first keeps working; SIGTERM to npm stops both node and PostgreSQL',
    async () => {
      const port = httpPort();
      settings = {
        PORT: String(port),
        EMBEDDED_POSTGRES_DIR: dataDir,
        EMBEDDED_POSTGRES_PORT: String(databasePort()),
      };
      const first = start(['start']);
      const tree = await healthyTree(first, port);
      expect(tree.length).toBeGreaterThanOrEqual(3); // npm, node, postgres (and its workers)
      // The bundler's helper process is stopped once the bundle is written, not left beside the service.
      const commands = tree.map(({ pid }) =>
        readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' '),
      );
      expect(commands.filter((command) => command.includes('esbuild'))).toEqual([]);
      // glibc splits GLIBC_TUNABLES in place at its ':'s as it reads them: join the pieces again.
      const environment = readFileSync(`/proc/${tree[1].pid}/environ`, 'utf8').replace(/\0/g, ':');
      expect(environment).toContain(`GLIBC_TUNABLES=${glibcTunables()}`);
      // ...and only node's: the embedded PostgreSQL keeps glibc's own allocator settings.
      const postmaster = readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0];
      const postgresEnvironment = readFileSync(`/proc/${postmaster}/environ`, 'utf8').split('\0');
      expect(postgresEnvironment.filter((entry) => entry.startsWith('GLIBC_TUNABLES='))).toEqual([]);
      const created = await api(port, '/v1/customers', {
        method: 'POST',
        body: JSON.stringify({ name: 'Ada Lovelace', timezone: 'UTC', phoneNumbers: ['+351912340001'] }),
      });
      expect(created.status).toBe(201);
      customerId = ((await created.json()) as { id: string }).id;
      await expectFilesFoundByTheBundle(port, customerId);

      const second = start(['run', 'serve'], { PORT: String(httpPort()) });
      expect((await second.exited).code).toBe(1);
      const refusal = second.stderr().trim().split('\n');
      expect(refusal).toEqual([
        expect.stringMatching(
          new RegExp(
            `^The embedded PostgreSQL in ${dataDir} is in use by a running phone-billing service \\(pid ${tree[1].pid}`,
          ),
        ),
      ]);
      expect((await api(port, '/health')).status).toBe(200);
      expect((await api(port, `/v1/customers/${customerId}`)).status).toBe(200);

      first.child.kill('SIGTERM');
      expect((await first.exited).code).toBe(0);
      await allGone(tree);
      expect(existsSync(`${dataDir}.lock`)).toBe(false);
    },
    PROCESS_TEST_TIMEOUT_MS,
  );

  it("the build's compile cache is the one node accepts under the service's flags", () => {
    // Node keys the cache by V8's flags among others: a cache warmed under other flags is never read.
    const loading = spawnSync(
      process.execPath,
      [...nodeOptions(), 'dist/service/main.js', '--warm-compile-cache'],
      {
        cwd: join(__dirname, '../..'),
        env: { ...process.env, NODE_DEBUG_NATIVE: 'COMPILE_CACHE' },
        encoding: 'utf8',
      },
    );
    expect(loading.status).toBe(0);
    expect(loading.stderr).toMatch(/V8 code cache for CommonJS \S*dist\/service\/index\.js was accepted/);
  });

  it(
    'two starts at the same moment: one serves, the other refuses; migration:up migrates the running database through its server; SIGINT to npm run serve stops everything, data intact',
    async () => {
      const [portA, portB] = [httpPort(), httpPort()];
      const a = start(['run', 'serve'], { PORT: String(portA) });
      const b = start(['run', 'serve'], { PORT: String(portB) });
      const outcome = await Promise.race([
        a.exited.then(() => ({ loser: a, winner: b, port: portB })),
        b.exited.then(() => ({ loser: b, winner: a, port: portA })),
      ]);
      expect((await outcome.loser.exited).code).toBe(1);
      expect(outcome.loser.stderr()).toContain('is in use by a running phone-billing service');
      const tree = await healthyTree(outcome.winner, outcome.port);
      expect((await api(outcome.port, `/v1/customers/${customerId}`)).status).toBe(200);

      const migration = start(['run', 'migration:up']);
      expect((await migration.exited).code).toBe(0);
      expect(migration.output()).toContain('migrating it through that server, which keeps running');
      expect(migration.output()).toContain('Database is up to date');
      expect((await api(outcome.port, `/v1/customers/${customerId}`)).status).toBe(200);

      outcome.winner.child.kill('SIGINT');
      expect((await outcome.winner.exited).code).toBe(0);
      await allGone(tree);
    },
    PROCESS_TEST_TIMEOUT_MS,
  );

  it(
    'after a crash (SIGKILL) the next start stops the PostgreSQL left behind and takes over its data',
    async () => {
      const port = httpPort();
      const crashed = start(['run', 'serve'], { PORT: String(port) });
      const tree = await healthyTree(crashed, port);
      process.kill(tree[1].pid, 'SIGKILL'); // node
      await crashed.exited;
      const orphans = tree.slice(2);
      expect(orphans.length).toBeGreaterThan(0); // PostgreSQL outlives its service

      const next = start(['run', 'serve'], { PORT: String(port) });
      const nextTree = await healthyTree(next, port);
      expect(next.output()).toContain('left behind by a service that is no longer running');
      await allGone(orphans);
      expect((await api(port, `/v1/customers/${customerId}`)).status).toBe(200);

      next.child.kill('SIGTERM');
      await next.exited;
      await allGone(nextTree);
    },
    PROCESS_TEST_TIMEOUT_MS,
  );

  it(
    "the Docker image's command (node itself, with the heap flags) closes gracefully on SIGTERM",
    async () => {
      const [command, ...args] = dockerCommand();
      expect(command).toBe('node');
      const databaseUrl = await createFreshDatabase();
      try {
        const port = httpPort();
        const service = startCommand(process.execPath, args, {
          NODE_ENV: 'production',
          PORT: String(port),
          DATABASE_URL: databaseUrl,
        });
        const tree = await healthyTree(service, port);
        expect(tree).toHaveLength(1); // no npm, no shell: the signal goes straight to the service

        service.child.kill('SIGTERM');
        expect(await service.exited).toEqual({ code: 0, signal: null });
        expect(service.output()).toContain('SIGTERM received: closing the service');
        await allGone(tree);
      } finally {
        await dropDatabase(databaseUrl);
      }
    },
    PROCESS_TEST_TIMEOUT_MS,
  );

  it(
    'refuses to start in one line naming what to fix: the embedded port taken, DATABASE_URL down (without its password)',
    async () => {
      const squatter = createServer();
      const taken = databasePort();
      await new Promise<void>((resolve) => squatter.listen(taken, '127.0.0.1', resolve));
      const down = databasePort();
      try {
        const [portTaken, databaseDown] = [
          start(['run', 'serve'], {
            PORT: String(httpPort()),
            EMBEDDED_POSTGRES_DIR: join(folder, 'other'),
            EMBEDDED_POSTGRES_PORT: String(taken),
          }),
          start(['run', 'serve'], {
            PORT: String(httpPort()),
            DATABASE_URL: `postgres://billing:hunter2@127.0.0.1:${down}/billing`,
          }),
        ];
        expect((await portTaken.exited).code).toBe(1);
        expect(portTaken.stderr().trim()).toBe(
          `The embedded PostgreSQL cannot listen on port ${taken} (EMBEDDED_POSTGRES_PORT): another program is ` +
            'using it. Stop that program, or set EMBEDDED_POSTGRES_PORT to a free port',
        );
        expect((await databaseDown.exited).code).toBe(1);
        expect(databaseDown.stderr().trim().split('\n')).toEqual([
          `Cannot connect to PostgreSQL at 127.0.0.1:${down} (database "billing", user "billing", from DATABASE_URL): ` +
            'connection refused. Check that PostgreSQL is running there and that DATABASE_URL names the right host and port',
        ]);
        expect(databaseDown.output()).not.toContain('hunter2');
      } finally {
        await new Promise((resolve) => squatter.close(resolve));
      }
    },
    PROCESS_TEST_TIMEOUT_MS,
  );
});
