import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedDatabase } from '../../src/shared/database/embedded-database';
import { withClient } from '../support/test-database';

describe('The embedded PostgreSQL', () => {
  it('keeps its data from one start to the next', async () => {
    const dataDir = join(mkdtempSync(join(tmpdir(), 'phone-billing-embedded-')), 'pg');
    const port = 60000 + Math.floor(Math.random() * 4000);

    const first = await startEmbeddedDatabase({ dataDir, port });
    try {
      await withClient(first.url(), (client) =>
        client.query('CREATE TABLE kept (value text); INSERT INTO kept VALUES ($$here$$)'),
      );
    } finally {
      await first.stop();
    }

    const second = await startEmbeddedDatabase({ dataDir, port });
    try {
      const rows = await withClient(
        second.url(),
        async (client) => (await client.query('SELECT value FROM kept')).rows,
      );
      expect(rows).toEqual([{ value: 'here' }]);
    } finally {
      await second.stop();
    }
  });
});
