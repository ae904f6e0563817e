import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

/** The packages loaded with the modules main.ts loads (through tsx: no build needed). */
function packagesLoadedAtStartUp(): string[] {
  const script = [
    "require('./src/app.factory');",
    "require('./src/shared/database/migrate-on-start');",
    'const names = Object.keys(require.cache).map((file) => /node_modules\\/((@[^/]+\\/)?[^/]+)/.exec(file)?.[1]);',
    'console.log(JSON.stringify([...new Set(names.filter(Boolean))]));',
  ].join('\n');
  const result = spawnSync(process.execPath, ['--import', 'tsx', '-e', script], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 60_000,
  });
  if (result.status !== 0) throw new Error(result.stderr);
  return JSON.parse(result.stdout) as string[];
}

describe('Start-up', () => {
  it('loads neither pdfkit nor nodemailer: they load on the first PDF and the first email channel', () => {
    const loaded = packagesLoadedAtStartUp();
    expect(loaded).toContain('@nestjs/core'); // the check sees what was loaded
    expect(loaded).not.toContain('pdfkit');
    expect(loaded).not.toContain('fontkit');
    expect(loaded).not.toContain('nodemailer');
  });
});
