import { execFile } from 'node:child_process';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { aCustomer } from '../support/mothers';
import { OPERATOR_KEY, startTestApp, TestApp } from '../support/test-app';
import { asteriskRows } from './asterisk-rows';

const MAX_BYTES = 1_000_000;

describe('Switch CDR file uploads: size, length and dropped connections', () => {
  let service: TestApp;
  let port: number;
  let line: string;

  beforeAll(async () => {
    service = await startTestApp({
      now: '2026-10-15T12:00:00Z',
      env: { CDR_FILE_MAX_BYTES: String(MAX_BYTES), CDR_FILE_CHUNK_ROWS: '50' },
    });
    line = (await aCustomer(service)).phoneNumber;
    await aCustomer(service, { phoneNumbers: ['+351912000001', '+351912000002'] });
    await service.app.listen(0, '127.0.0.1');
    port = (service.app.getHttpServer().address() as AddressInfo).port;
  });
  afterAll(() => service.close());

  const callsOf = async (source: string) =>
    (
      await service.sql<{ n: number }>(`SELECT count(*)::int AS n FROM calls WHERE call_id LIKE $1`, [
        `${source}:%`,
      ])
    )[0].n;

  /** Starts a raw upload: the test writes the body itself, as slowly as it likes, or drops it. */
  function rawUpload(source: string, headers: Record<string, string | number>) {
    let answer: (value: { status: number; body: string }) => void = () => undefined;
    const answered = new Promise<{ status: number; body: string }>((resolve) => (answer = resolve));
    const upload = httpRequest(
      {
        port,
        host: '127.0.0.1',
        method: 'POST',
        path: `/v1/cdr-files?format=asterisk&source=${source}`,
        headers: { 'Content-Type': 'text/csv', Authorization: `Bearer ${OPERATOR_KEY}`, ...headers },
      },
      (response) => {
        let body = '';
        response.on('data', (chunk: Buffer) => (body += chunk.toString()));
        response.on('end', () => answer({ status: response.statusCode ?? 0, body }));
      },
    );
    upload.on('error', () => undefined); // the test drops it on purpose
    return { upload, answered };
  }

  async function until(check: () => Promise<boolean>, what: string): Promise<void> {
    for (let attempt = 0; attempt < 200; attempt += 1) {
      if (await check()) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`timed out waiting for ${what}`);
  }

  it('answers 413 for a file over CDR_FILE_MAX_BYTES before reading it, and records nothing', async () => {
    const file = asteriskRows(line, Math.ceil(MAX_BYTES / 150), 'big');
    expect(Buffer.byteLength(file)).toBeGreaterThan(MAX_BYTES);
    const response = await service
      .http()
      .post('/v1/cdr-files?format=asterisk&source=big')
      .set('Content-Type', 'text/csv')
      .send(file)
      .expect(413);
    expect(response.body.type).toContain('cdr-file-too-large');
    expect(await callsOf('big')).toBe(0);
    expect(await service.sql(`SELECT * FROM cdr_files WHERE source = 'big'`)).toEqual([]);
  });

  it('answers 411 for an upload without Content-Length (chunked), and records nothing', async () => {
    const { upload, answered } = rawUpload('chunked', { 'Transfer-Encoding': 'chunked' });
    upload.write(asteriskRows(line, 10, 'chunked'));
    upload.end();
    const { status, body } = await answered;
    expect(status).toBe(411);
    expect(JSON.parse(body).type).toContain('cdr-file-length-required');
    expect(await callsOf('chunked')).toBe(0);
  });

  it('keeps the chunks recorded before a dropped connection, and completes the file without duplicates when it is posted again', async () => {
    const file = Buffer.from(asteriskRows(line, 2000, 'drop'));
    const { upload } = rawUpload('drop', { 'Content-Length': file.length });
    upload.write(file.subarray(0, Math.floor(file.length / 2)));
    await until(async () => (await callsOf('drop')) > 0, 'a first chunk to be recorded');
    upload.destroy(); // the socket closes mid-upload
    await until(
      async () =>
        (await service.sql(`SELECT 1 FROM cdr_files WHERE source = 'drop' AND status = 'interrupted'`))
          .length === 1,
      'the import to be marked interrupted',
    );
    const kept = await callsOf('drop');
    expect(kept).toBeGreaterThan(0);
    expect(kept).toBeLessThan(2000);
    const [interrupted] = await service.sql<{ records: number; recorded: number }>(
      `SELECT records, recorded FROM cdr_files WHERE source = 'drop'`,
    );
    expect(interrupted.recorded).toBe(kept);

    const again = await service
      .http()
      .post('/v1/cdr-files?format=asterisk&source=drop')
      .set('Content-Type', 'text/csv')
      .send(file)
      .expect(201);
    expect(again.body).toMatchObject({
      status: 'complete',
      records: 2000,
      recorded: 2000 - kept,
      duplicates: kept,
      rejected: 0,
    });
    expect(await callsOf('drop')).toBe(2000);
    const listed = await service.http().get('/v1/cdr-files').expect(200);
    expect(listed.body.data.map((file: { status: string }) => file.status)).toEqual(
      expect.arrayContaining(['interrupted', 'complete']),
    );
  });

  /** `npm run cdr:import -- ...` as an operator runs it, against this service. */
  function cdrImport(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
    return new Promise((resolve) => {
      execFile(
        'npm',
        ['run', '--silent', 'cdr:import', '--', ...args],
        {
          cwd: join(__dirname, '../..'),
          env: {
            ...process.env,
            PHONE_BILLING_URL: `http://127.0.0.1:${port}`,
            OPERATOR_API_KEY: OPERATOR_KEY,
          },
        },
        (error, stdout, stderr) => resolve({ code: error ? Number(error.code) : 0, stdout, stderr }),
      );
    });
  }

  it('imports a file with `npm run cdr:import`, streamed to the running service, and prints the import', async () => {
    const fixture = join(__dirname, 'fixtures', 'asterisk-master.csv');
    const args = [
      '--format',
      'asterisk',
      '--source',
      'cli',
      '--timezone',
      'Europe/Lisbon',
      '--country',
      'PT',
      fixture,
    ];
    const first = await cdrImport(args);
    expect(first.code).toBe(0);
    expect(JSON.parse(first.stdout)).toMatchObject({
      source: 'cli',
      status: 'complete',
      records: 9,
      recorded: 3,
      notBillable: 3,
      suspended: 1,
      rejected: 2,
    });
    expect(await callsOf('cli')).toBe(3);

    const again = await cdrImport(args);
    expect(again.code).toBe(0);
    expect(again.stderr).toContain('imported before');
    expect(JSON.parse(again.stdout).id).toBe(JSON.parse(first.stdout).id);

    const refused = await cdrImport(['--format', 'excel', '--source', 'cli', fixture]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('HTTP 400');
    const usage = await cdrImport(['--source', 'cli']);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('usage: npm run cdr:import');
  });
});
