import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import {
  DataDirectoryInUseError,
  EmbeddedPortInUseError,
  startEmbeddedDatabase,
} from '../../src/shared/database/embedded-database';
import { aListeningPort } from '../support/listening-ports';
import { aTestFolder, removeTestFolder } from '../support/test-folders';
import { withClient } from '../support/test-database';

const aPort = () => aListeningPort('embeddedPostgres');

describe('The embedded PostgreSQL', () => {
  let folder: string;
  let dataDir: string;

  beforeEach(() => {
    folder = aTestFolder('embedded');
    dataDir = join(folder, 'pg');
  });
  afterEach(() => removeTestFolder(folder));

  it('keeps its data from one start to the next, and leaves no claim behind once stopped', async () => {
    const port = aPort();
    const first = await startEmbeddedDatabase({ dataDir, port });
    try {
      await withClient(first.url(), (client) =>
        client.query('CREATE TABLE kept (value text); INSERT INTO kept VALUES ($$here$$)'),
      );
    } finally {
      await first.stop();
    }
    expect(existsSync(`${dataDir}.lock`)).toBe(false);

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

  it('refuses a second start on a data directory in use, in one line, and the first keeps running', async () => {
    const port = aPort();
    const first = await startEmbeddedDatabase({ dataDir, port });
    try {
      const refusal = await startEmbeddedDatabase({ dataDir, port: port + 1 }).then(
        () => null,
        (error: Error) => error,
      );
      expect(refusal).toBeInstanceOf(DataDirectoryInUseError);
      expect(refusal!.message.split('\n')).toHaveLength(1);
      expect(refusal!.message).toContain(dataDir);
      expect(refusal!.message).toContain(`pid ${process.pid}`);
      expect(refusal!.message).toContain('EMBEDDED_POSTGRES_DIR');
      const rows = await withClient(
        first.url(),
        async (client) => (await client.query('SELECT 1 AS up')).rows,
      );
      expect(rows).toEqual([{ up: 1 }]);
    } finally {
      await first.stop();
    }
  });

  it('names the port and EMBEDDED_POSTGRES_PORT when another program holds the port', async () => {
    const port = aPort();
    const squatter: Server = createServer();
    await new Promise<void>((resolve) => squatter.listen(port, '127.0.0.1', resolve));
    try {
      const refusal = await startEmbeddedDatabase({ dataDir, port }).then(
        () => null,
        (error: Error) => error,
      );
      expect(refusal).toBeInstanceOf(EmbeddedPortInUseError);
      expect(refusal!.message).toContain(`port ${port}`);
      expect(refusal!.message).toContain('EMBEDDED_POSTGRES_PORT');
      expect(refusal!.message).not.toContain('undefined');
      expect(existsSync(`${dataDir}.lock`)).toBe(false);
    } finally {
      await new Promise((resolve) => squatter.close(resolve));
    }
  });
});
