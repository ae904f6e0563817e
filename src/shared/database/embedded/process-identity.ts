import { readFileSync } from 'node:fs';
import { hostname } from 'node:os';

/**
 * A process as it can be recognised later: its pid alone is not enough, since pids are reused.
 * On Linux the kernel's start time of the process (clock ticks since boot, `/proc/<pid>/stat`)
 * and the boot id tell a process from a later one that got the same pid.
 */
export interface ProcessIdentity {
  pid: number;
  hostname: string;
  /** Field 22 of `/proc/<pid>/stat`; null where there is no /proc. */
  startTicks: string | null;
  bootId: string | null;
}

export function currentProcess(): ProcessIdentity {
  return identityOf(process.pid);
}

export function identityOf(pid: number): ProcessIdentity {
  return { pid, hostname: hostname(), startTicks: statOf(pid)?.startTicks ?? null, bootId: bootId() };
}

/**
 * Whether the process is still running. A process of another host cannot be checked and counts as
 * running; a zombie (exited, not yet reaped) does not.
 */
export function isRunning(identity: ProcessIdentity): boolean {
  if (identity.hostname !== hostname()) return true;
  if (identity.bootId !== null && bootId() !== null && identity.bootId !== bootId()) return false;
  if (!signalable(identity.pid)) return false;
  const stat = statOf(identity.pid);
  if (stat === null) return process.platform !== 'linux'; // no /proc to tell: trust the signal
  if (stat.state === 'Z' || stat.state === 'X') return false;
  return identity.startTicks === null || identity.startTicks === stat.startTicks;
}

/** The pid's parent, or null when it cannot be told. */
export function parentOf(pid: number): number | null {
  return statOf(pid)?.parentPid ?? null;
}

/** The command line of a running process, arguments separated by spaces ('' when unknown). */
export function commandLineOf(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ').trim();
  } catch {
    return '';
  }
}

function signalable(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

interface ProcessStat {
  state: string;
  parentPid: number;
  startTicks: string;
}

function statOf(pid: number): ProcessStat | null {
  let text: string;
  try {
    text = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return null;
  }
  // "pid (command) state ppid ...": the command may hold spaces and parentheses, so split after the last ")".
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
  return { state: fields[0], parentPid: Number(fields[1]), startTicks: fields[19] };
}

let cachedBootId: string | null | undefined;

function bootId(): string | null {
  if (cachedBootId === undefined) {
    try {
      cachedBootId = readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
    } catch {
      cachedBootId = null;
    }
  }
  return cachedBootId;
}
