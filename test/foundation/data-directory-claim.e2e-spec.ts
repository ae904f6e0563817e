import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  claimDataDirectory,
  claimFileOf,
  DataDirectoryInUseError,
  liveOwnerOf,
} from '../../src/shared/database/embedded/data-directory-claim';
import { currentProcess } from '../../src/shared/database/embedded/process-identity';
import { aTestFolder, removeTestFolder } from '../support/test-folders';

interface RaceResult {
  pid: number;
  won: boolean;
  error?: string;
}

/**
 * Starts `count` processes that all claim `dataDir` at the same instant; resolves with what each
 * saw once all have answered. Winners hold their claim until then, however late a racer started.
 */
async function race(dataDir: string, count: number): Promise<RaceResult[]> {
  const startAt = Date.now() + 2500; // time enough for every racer to load
  const racers = Array.from({ length: count }, () =>
    spawn(
      process.execPath,
      ['--import', 'tsx', join(__dirname, '../support/claim-racer.ts'), dataDir, String(startAt)],
      {
        stdio: ['pipe', 'pipe', 'inherit'],
      },
    ),
  );
  const exited = racers.map((racer) => new Promise((resolve) => racer.once('exit', resolve)));
  const results = await Promise.all(
    racers.map(
      (racer) =>
        new Promise<RaceResult>((resolve, reject) => {
          let output = '';
          racer.once('error', reject);
          racer.stdout.on('data', (chunk: Buffer) => {
            output += chunk.toString();
            if (output.includes('\n')) resolve(JSON.parse(output.trim()) as RaceResult);
          });
        }),
    ),
  );
  for (const racer of racers) racer.stdin.end();
  await Promise.all(exited);
  return results;
}

/** The pid of a process that has come and gone. */
function exitedProcess(): Promise<number> {
  const child = spawn(process.execPath, ['-e', ''], { stdio: 'ignore' });
  return new Promise((resolve) => child.once('exit', () => resolve(child.pid!)));
}

function expectOneWinner(results: RaceResult[]): void {
  const winners = results.filter((result) => result.won);
  expect(winners).toHaveLength(1);
  for (const loser of results.filter((result) => !result.won)) {
    expect(loser.error).toContain(`pid ${winners[0].pid}`);
  }
}

describe('Claiming an embedded data directory', () => {
  let folder: string;
  let dataDir: string;

  beforeEach(() => {
    folder = aTestFolder('claim');
    dataDir = join(folder, 'pg');
  });
  afterEach(() => removeTestFolder(folder));

  it('lets exactly one of several processes starting at the same moment claim a free directory', async () => {
    expectOneWinner(await race(dataDir, 4));
    expect(existsSync(claimFileOf(dataDir))).toBe(false);
  });

  it('lets exactly one of several processes take over the claim of an owner that is gone', async () => {
    const gone = await exitedProcess();
    writeFileSync(
      claimFileOf(dataDir),
      JSON.stringify({ ...currentProcess(), pid: gone, purpose: 'service', port: 1, since: '' }),
    );
    expect(liveOwnerOf(dataDir)).toBeNull();
    expectOneWinner(await race(dataDir, 4));
  });

  it('takes over a claim whose pid now belongs to another process', () => {
    const reused = { ...currentProcess(), startTicks: '1', purpose: 'service', port: 1, since: '' };
    writeFileSync(claimFileOf(dataDir), JSON.stringify(reused));
    const claim = claimDataDirectory(dataDir, { purpose: 'service', port: 2 });
    try {
      expect(JSON.parse(readFileSync(claimFileOf(dataDir), 'utf8'))).toMatchObject({
        pid: process.pid,
        port: 2,
      });
      expect(claim.owner.startTicks).not.toBe('1');
    } finally {
      claim.release();
    }
  });

  it('refuses while a live process holds it, and releases only its own claim', () => {
    const claim = claimDataDirectory(dataDir, { purpose: 'migration', port: 3 });
    expect(() => claimDataDirectory(dataDir, { purpose: 'service', port: 4 })).toThrow(
      DataDirectoryInUseError,
    );
    expect(() => claimDataDirectory(dataDir, { purpose: 'service', port: 4 })).toThrow(/running migration/);
    expect(liveOwnerOf(dataDir)).toMatchObject({ pid: process.pid, purpose: 'migration', port: 3 });
    claim.release();
    expect(liveOwnerOf(dataDir)).toBeNull();

    const next = claimDataDirectory(dataDir, { purpose: 'service', port: 5 });
    claim.release(); // a second release of the old claim leaves the new one alone
    expect(liveOwnerOf(dataDir)).toMatchObject({ port: 5 });
    next.release();
  });
});
