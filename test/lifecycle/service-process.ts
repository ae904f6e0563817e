import { type ChildProcess, spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  identityOf,
  isRunning,
  type ProcessIdentity,
} from '../../src/shared/database/embedded/process-identity';

export const ROOT = join(__dirname, '../..');
export const OPERATOR_KEY = 'lifecycle-operator-key-0123456789';

export interface ServiceProcess {
  pid: number;
  child: ChildProcess;
  output: () => string;
  stderr: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Resolves once GET /health answers 200; rejects when the process exits first. */
  healthy: (port: number, timeoutMs?: number) => Promise<void>;
}

/** Starts `command` (e.g. `npm run serve`) in the project folder, as a user would, with `env` on top. */
export function startCommand(command: string, args: string[], env: Record<string, string>): ServiceProcess {
  const child = spawn(command, args, {
    cwd: ROOT,
    // A blank DATABASE_URL counts as unset, and keeps a developer's .env from setting it.
    env: {
      ...process.env,
      DATABASE_URL: '',
      OPERATOR_API_KEY: OPERATOR_KEY,
      INVOICING_SCHEDULER: 'false',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => {
    output += chunk.toString();
    stderr += chunk.toString();
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  let hasExited = false;
  void exited.then(() => (hasExited = true));
  return {
    pid: child.pid!,
    child,
    output: () => output,
    stderr: () => stderr,
    exited,
    healthy: async (port, timeoutMs = 90_000) => {
      const deadline = Date.now() + timeoutMs;
      while (Date.now() < deadline) {
        if (hasExited) throw new Error(`exited before it was healthy:\n${output}`);
        const status = await fetch(`http://127.0.0.1:${port}/health`).then(
          (response) => response.status,
          () => 0,
        );
        if (status === 200) return;
        await sleep(200);
      }
      throw new Error(`not healthy within ${timeoutMs} ms:\n${output}`);
    },
  };
}

/** The process and every process below it (node, PostgreSQL and its workers), as they run now. */
export function processTree(rootPid: number): ProcessIdentity[] {
  const childrenOf = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      childrenOf.set(parent, [...(childrenOf.get(parent) ?? []), Number(entry)]);
    } catch {
      // gone meanwhile
    }
  }
  const tree: number[] = [];
  const visit = (pid: number) => {
    tree.push(pid);
    for (const child of childrenOf.get(pid) ?? []) visit(child);
  };
  visit(rootPid);
  return tree.map(identityOf);
}

/** Resolves once none of the processes runs any more; rejects with the survivors' pids after the timeout. */
export async function allGone(processes: ProcessIdentity[], timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const running = processes.filter(isRunning);
    if (running.length === 0) return;
    if (Date.now() > deadline) throw new Error(`still running: ${running.map((p) => p.pid).join(', ')}`);
    await sleep(100);
  }
}

/** Kills whatever of the given processes still runs (test clean-up after a failure). */
export function killAll(processes: ProcessIdentity[]): void {
  for (const identity of processes.filter(isRunning)) {
    try {
      process.kill(identity.pid, 'SIGKILL');
    } catch {
      // gone meanwhile
    }
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
