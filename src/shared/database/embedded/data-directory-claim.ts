import { linkSync, readFileSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { currentProcess, isRunning, type ProcessIdentity } from './process-identity';

/** What holds an embedded data directory: `npm start`, `npm run migration:up`, a test run, the bench. */
export type ClaimPurpose = 'service' | 'migration' | 'tests';

export interface ClaimOwner extends ProcessIdentity {
  purpose: ClaimPurpose;
  /** The port the owner's PostgreSQL listens on. */
  port: number;
  since: string;
}

export interface DataDirectoryClaim {
  readonly owner: ClaimOwner;
  /** Gives the directory back; only this claim's own file is removed. Safe to call twice. */
  release(): void;
}

/** A live process holds the data directory: the start must not touch it. */
export class DataDirectoryInUseError extends Error {
  constructor(
    readonly dataDir: string,
    readonly owner: ClaimOwner,
  ) {
    super(
      `The embedded PostgreSQL in ${dataDir} is in use by a running ${describe(owner)} ` +
        `(pid ${owner.pid}, since ${owner.since}, its server on port ${owner.port}): stop it first, ` +
        'or give this one its own EMBEDDED_POSTGRES_DIR and EMBEDDED_POSTGRES_PORT',
    );
  }
}

const ATTEMPTS = 100;
const RETRY_MS = 20;
/** A takeover file this old whose owner is gone was left by a crash in the middle of a takeover. */
const ABANDONED_TAKEOVER_MS = 5_000;

export function claimFileOf(dataDir: string): string {
  return `${dataDir}.lock`;
}

/**
 * Claims a data directory for this process, atomically: the claim file (`<dataDir>.lock`, holding
 * the owner's pid, start time and port) is created with link(2), which fails when the file exists,
 * so of two racing starts exactly one wins. A claim whose owner has died (the pid is gone, or now
 * belongs to a later process) is taken over under a second, short-lived claim file, so two starts
 * finding the same stale claim cannot both take it. Throws DataDirectoryInUseError when a live
 * process holds it.
 */
export function claimDataDirectory(
  dataDir: string,
  details: { purpose: ClaimPurpose; port: number },
): DataDirectoryClaim {
  const file = claimFileOf(dataDir);
  const owner: ClaimOwner = { ...currentProcess(), ...details, since: new Date().toISOString() };
  const text = JSON.stringify(owner);
  for (let attempt = 0; attempt < ATTEMPTS; attempt += 1) {
    if (createWith(file, text)) return claimOf(file, owner, text);
    const held = readFile(file);
    if (held === null) continue; // released meanwhile
    const holder = parseOwner(held);
    if (holder && isRunning(holder)) throw new DataDirectoryInUseError(dataDir, holder);
    if (takeOver(file, held, text)) return claimOf(file, owner, text);
    sleep(RETRY_MS);
  }
  throw new Error(`Could not claim ${file}: other starts kept changing it; try again`);
}

/** The live owner of a data directory, or null when nobody holds it. */
export function liveOwnerOf(dataDir: string): ClaimOwner | null {
  const held = readFile(claimFileOf(dataDir));
  const holder = held === null ? null : parseOwner(held);
  return holder && isRunning(holder) ? holder : null;
}

function claimOf(file: string, owner: ClaimOwner, text: string): DataDirectoryClaim {
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    process.removeListener('exit', release);
    if (readFile(file) === text) removeFile(file);
  };
  // A process that exits without releasing (process.exit, an uncaught error) still gives it back.
  process.on('exit', release);
  return { owner, release };
}

/**
 * Replaces the stale claim `stale` by ours, holding `<file>.takeover` meanwhile. Returns false when
 * someone else got there first (the caller looks again).
 */
function takeOver(file: string, stale: string, text: string): boolean {
  const guard = `${file}.takeover`;
  if (!createWith(guard, text)) {
    clearAbandonedTakeover(guard);
    return false;
  }
  try {
    if (readFile(file) !== stale) return false;
    removeFile(file);
    return createWith(file, text);
  } finally {
    removeFile(guard);
  }
}

function clearAbandonedTakeover(guard: string): void {
  const held = readFile(guard);
  const holder = held === null ? null : parseOwner(held);
  if (holder && isRunning(holder)) return;
  try {
    if (Date.now() - statSync(guard).mtimeMs > ABANDONED_TAKEOVER_MS) removeFile(guard);
  } catch {
    // already gone
  }
}

/** Creates `file` holding `text`, atomically and only if it does not exist. */
function createWith(file: string, text: string): boolean {
  const draft = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}`;
  writeFileSync(draft, text, { mode: 0o644 });
  try {
    linkSync(draft, file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    removeFile(draft);
  }
}

function parseOwner(text: string): ClaimOwner | null {
  try {
    const owner = JSON.parse(text) as Partial<ClaimOwner>;
    return typeof owner.pid === 'number' && typeof owner.hostname === 'string' ? (owner as ClaimOwner) : null;
  } catch {
    return null; // unreadable: treated as stale, like a claim whose owner is gone
  }
}

function readFile(file: string): string | null {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}

function removeFile(file: string): void {
  try {
    unlinkSync(file);
  } catch {
    // already gone
  }
}

function describe(owner: ClaimOwner): string {
  if (owner.purpose === 'migration') return 'migration (npm run migration:up)';
  if (owner.purpose === 'tests') return 'test run';
  return 'phone-billing service';
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}
