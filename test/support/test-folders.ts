import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { claimDataDirectory, claimFileOf } from '../../src/shared/database/embedded/data-directory-claim';
import { stopOrphanedServer } from '../../src/shared/database/embedded/postgres-server';

/** Every folder a test run makes under the system's temp folder starts with this. */
export const TEST_FOLDER_PREFIX = 'phone-billing-test-';

/** A fresh folder for one test's files, removed by `removeTestFolder`. */
export function aTestFolder(purpose: string): string {
  return mkdtempSync(join(tmpdir(), `${TEST_FOLDER_PREFIX}${purpose}-`));
}

export function removeTestFolder(folder: string): void {
  rmSync(folder, { recursive: true, force: true });
}

/**
 * A run killed before its teardown (SIGKILL, a crash) leaves its folder, and perhaps its cluster,
 * behind. Folders whose cluster (`<folder>/pg`) claim names a process that is gone are cleaned up
 * here: the claim is taken over first, so a live run's folder is never touched.
 */
export async function sweepAbandonedTestFolders(): Promise<void> {
  for (const name of readdirSync(tmpdir())) {
    if (!name.startsWith(TEST_FOLDER_PREFIX)) continue;
    const folder = join(tmpdir(), name);
    const dataDir = join(folder, 'pg');
    if (!existsSync(claimFileOf(dataDir))) continue;
    let claim;
    try {
      claim = claimDataDirectory(dataDir, { purpose: 'tests', port: 0 });
    } catch {
      continue; // a live run holds it
    }
    try {
      await stopOrphanedServer(dataDir, () => undefined);
      removeTestFolder(folder);
    } catch {
      // left for a later sweep
    } finally {
      claim.release();
    }
  }
}
