import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadDotEnv } from './dot-env';

describe('loadDotEnv', () => {
  let dir: string;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'phone-billing-test-dotenv-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads the file into the environment, and a variable already set wins', () => {
    const file = join(dir, '.env');
    writeFileSync(file, '# settings\nPORT=4000\nLOG_LEVEL=debug\nMAIL_FROM="Billing <b@example.com>"\n');
    const env: NodeJS.ProcessEnv = { PORT: '5000' };
    expect(loadDotEnv(file, env)).toBe(true);
    expect(env).toEqual({ PORT: '5000', LOG_LEVEL: 'debug', MAIL_FROM: 'Billing <b@example.com>' });
  });

  it('does nothing when there is no file', () => {
    const env: NodeJS.ProcessEnv = {};
    expect(loadDotEnv(join(dir, 'missing.env'), env)).toBe(false);
    expect(env).toEqual({});
  });
});
