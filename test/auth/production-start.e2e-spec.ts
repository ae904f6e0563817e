import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

/** The real entry point, as `npm start` runs it (through tsx, so no build is needed). */
function startService(env: Record<string, string>) {
  // A blank OPERATOR_API_KEY counts as unset, and keeps a developer's .env from setting one.
  return spawnSync(process.execPath, ['--import', 'tsx', join(__dirname, '../../src/main.ts')], {
    env: { ...process.env, OPERATOR_API_KEY: '', ...env },
    encoding: 'utf8',
    timeout: 30_000,
  });
}

describe('Start-up without an operator key', () => {
  it('refuses to start in production, with one line naming OPERATOR_API_KEY', () => {
    const result = startService({ NODE_ENV: 'production', PORT: '0' });
    expect(result.status).toBe(1);
    expect(result.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(/^Invalid configuration: OPERATOR_API_KEY must be set when NODE_ENV=production/),
    ]);
    expect(result.stdout).not.toContain('listening');
  });
});
