import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ImportCounts } from '../../src/cdr-files/domain/cdr-import';
import { NotBillableLedger } from '../../src/reconciliation';
import { aCustomer } from '../support/mothers';
import { parsePrometheusText, sampleValue } from '../support/prometheus-text';
import { startTestApp, TestApp } from '../support/test-app';

const fixture = (name: string) => readFileSync(join(__dirname, 'fixtures', name));

interface Import extends ImportCounts {
  id: string;
  status: string;
  sha256: string | null;
  errors: { line: number; reason: string }[];
}

function expectEveryRowCounted(file: Import): void {
  expect(file.records).toBe(
    file.recorded + file.duplicates + file.notBillable + file.suspended + file.rejected,
  );
}

describe('Switch CDR files', () => {
  let service: TestApp;
  let customerKey: string;
  // Each upload a second after the previous one, so that "newest first" has an order to show.
  const post = (query: string, body: Buffer | string) => {
    service.clock.advance(1000);
    return service.http().post(`/v1/cdr-files?${query}`).set('Content-Type', 'text/csv').send(body);
  };

  beforeAll(async () => {
    service = await startTestApp({ now: '2026-10-15T12:00:00Z' });
    customerKey = (await aCustomer(service, { phoneNumbers: ['+351912000001'], timezone: 'Europe/Lisbon' }))
      .apiKey!;
    await aCustomer(service, { phoneNumbers: ['+351912000002'] });
  });
  afterAll(() => service.close());

  it('imports an Asterisk Master.csv: answered calls recorded at their answer time, the rest counted by line', async () => {
    const response = await post(
      'format=asterisk&source=sw1&timezone=Europe/Lisbon&country=PT',
      fixture('asterisk-master.csv'),
    ).expect(201);
    const file = response.body as Import;
    expect(file).toMatchObject({
      status: 'complete',
      records: 9,
      recorded: 3,
      duplicates: 0,
      notBillable: 3,
      suspended: 1,
      rejected: 2,
    });
    expect(file.sha256).toMatch(/^[0-9a-f]{64}$/);
    expectEveryRowCounted(file);
    expect(file.errors).toEqual([
      { line: 7, reason: expect.stringContaining('5 columns') },
      { line: 9, reason: 'billsec -3 is negative' },
    ]);

    const calls = await service.sql<Record<string, unknown>>(
      `SELECT call_id, phone_number, destination, started_at, duration_seconds FROM calls WHERE call_id LIKE 'sw1:%' ORDER BY started_at`,
    );
    expect(calls).toEqual([
      // Lisbon is at +01:00 in October 2026: 15:03:00 on the switch's clock is 14:03:00Z.
      expect.objectContaining({
        call_id: 'sw1:1759673000.1',
        phone_number: '+351912000001',
        destination: '+14155550100',
        started_at: new Date('2026-10-05T14:03:00Z'),
        duration_seconds: 180,
      }),
      expect.objectContaining({
        call_id: 'sw1:1759676400.2',
        phone_number: '+351912000002',
        destination: '+351213000000',
        started_at: new Date('2026-10-05T15:00:10Z'),
        duration_seconds: 65,
      }),
      expect.objectContaining({
        call_id: expect.stringMatching(/^sw1:[0-9a-f]{64}$/),
        started_at: new Date('2026-10-05T18:00:02Z'),
        duration_seconds: 30,
      }),
    ]);
    const notBillable = await service.sql(
      `SELECT call_id, started_at, line FROM not_billable_records WHERE cdr_file_id = $1 ORDER BY line`,
      [file.id],
    );
    expect(notBillable).toEqual([
      { call_id: 'sw1:1759680000.3', started_at: new Date('2026-10-05T16:00:00Z'), line: 3 },
      { call_id: 'sw1:1759680600.4', started_at: new Date('2026-10-05T16:10:00Z'), line: 4 },
      { call_id: 'sw1:1759681200.5', started_at: new Date('2026-10-05T16:20:00Z'), line: 5 },
    ]);
  });

  it('holds the row from a line no customer held in suspense, with the file and line as its source', async () => {
    const held = await service.http().get('/v1/suspended-calls?phoneNumber=%2B351912999999').expect(200);
    expect(held.body.data).toEqual([
      expect.objectContaining({
        callId: 'sw1:1759683600.6',
        reason: 'unknown-phone-number',
        status: 'suspended',
        durationSeconds: 120,
        source: { kind: 'cdr-file', cdrFileId: expect.any(String), line: 6 },
      }),
    ]);
    const [file] = await service.sql<{ id: string }>(`SELECT id FROM cdr_files WHERE source = 'sw1'`);
    expect(held.body.data[0].source.cdrFileId).toBe(file.id);
  });

  it('answers the first import when the same file is posted again, recording nothing twice', async () => {
    const [first] = await service.sql<{ id: string }>(`SELECT id FROM cdr_files WHERE source = 'sw1'`);
    const callsBefore = await service.sql(`SELECT count(*)::int AS n FROM calls`);
    const again = await post(
      'format=asterisk&source=sw1&timezone=Europe/Lisbon&country=PT',
      fixture('asterisk-master.csv'),
    ).expect(200);
    expect(again.body).toMatchObject({ id: first.id, recorded: 3, duplicates: 0 });
    expect(await service.sql(`SELECT count(*)::int AS n FROM calls`)).toEqual(callsBefore);
    const imports = await service.sql(`SELECT count(*)::int AS n FROM cdr_files WHERE source = 'sw1'`);
    expect(imports).toEqual([{ n: 1 }]);
  });

  it('reads a CRLF copy of a file as the same records: all duplicates, the hashed row too', async () => {
    const response = await post(
      'format=asterisk&source=sw1&timezone=Europe/Lisbon&country=PT',
      fixture('asterisk-master-crlf.csv'),
    ).expect(201);
    expect(response.body).toMatchObject({
      records: 9,
      recorded: 0,
      duplicates: 6,
      notBillable: 0,
      // A held row posted again is held again, under the same suspended call (API.md "Suspense").
      suspended: 1,
      rejected: 2,
    });
    expectEveryRowCounted(response.body as Import);
  });

  it('imports a FreeSWITCH mod_cdr_csv file (times in BILLING_TIMEZONE by default)', async () => {
    const response = await post(
      'format=freeswitch&source=sw2&country=PT',
      fixture('freeswitch-cdr.csv'),
    ).expect(201);
    const file = response.body as Import;
    expect(file).toMatchObject({
      records: 8,
      recorded: 3,
      notBillable: 3,
      suspended: 1,
      rejected: 1,
      duplicates: 0,
    });
    expect(file.errors.map((error) => error.line)).toEqual([7]);
    const calls = await service.sql(
      `SELECT call_id, phone_number, started_at, duration_seconds FROM calls WHERE call_id LIKE 'sw2:%' ORDER BY started_at`,
    );
    expect(calls).toEqual([
      {
        call_id: 'sw2:a1b2c3d4-0000-4000-8000-000000000001',
        phone_number: '+351912000001',
        started_at: new Date('2026-10-06T10:00:05Z'),
        duration_seconds: 120,
      },
      {
        call_id: 'sw2:a1b2c3d4-0000-4000-8000-000000000002',
        phone_number: '+351912000002',
        started_at: new Date('2026-10-06T11:00:04Z'),
        duration_seconds: 45,
      },
      {
        call_id: expect.stringMatching(/^sw2:[0-9a-f]{64}$/),
        phone_number: '+351912000001',
        started_at: new Date('2026-10-06T14:00:01Z'),
        duration_seconds: 10,
      },
    ]);
  });

  it("imports this service's own CSV with its header", async () => {
    const response = await post('format=csv&source=own&country=PT', fixture('own-format.csv')).expect(201);
    expect(response.body).toMatchObject({ records: 4, recorded: 2, notBillable: 1, rejected: 1 });
    expect(response.body.errors).toEqual([{ line: 5, reason: expect.stringContaining('not a time') }]);
  });

  it('rejects a row whose callId is stored with other content as a conflict', async () => {
    const changed = readFileSync(join(__dirname, 'fixtures', 'asterisk-master.csv'), 'utf8')
      .split('\n')[0]
      .replace(',189,180,', ',189,170,');
    const response = await post('format=asterisk&source=sw1&timezone=Europe/Lisbon', `${changed}\n`).expect(
      201,
    );
    expect(response.body).toMatchObject({ records: 1, rejected: 1, recorded: 0 });
    expect(response.body.errors[0].reason).toContain('sw1:1759673000.1');
  });

  it.each([
    ['an empty file', ''],
    ['a file of another format', readFileSync(join(__dirname, 'fixtures', 'freeswitch-cdr.csv'))],
    [
      'a file that is not UTF-8',
      Buffer.from(
        readFileSync(join(__dirname, 'fixtures', 'asterisk-master.csv'), 'latin1').replace(/^""/gm, '"\xff"'),
        'latin1',
      ),
    ],
  ])('answers 400 and records nothing for %s', async (_name, body) => {
    const before = await service.sql(`SELECT count(*)::int AS n FROM cdr_files`);
    const response = await post('format=asterisk&source=bad', body).expect(400);
    expect(response.body.type).toContain('cdr-file-unreadable');
    expect(await service.sql(`SELECT count(*)::int AS n FROM cdr_files`)).toEqual(before);
  });

  it.each([
    ['post', '/v1/cdr-files?format=asterisk&source=sw1'],
    ['get', '/v1/cdr-files'],
    ['get', '/v1/cdr-files/0b7c6f0e-6a44-4e8e-9d1b-2f5c8f4c1a11'],
    ['get', '/v1/cdr-files/0b7c6f0e-6a44-4e8e-9d1b-2f5c8f4c1a11/errors'],
  ] as const)(
    '%s %s is for the operator only: 401 without a key, 403 with a customer key',
    async (method, path) => {
      const anonymous = await service
        .anonymous()
        [method](path)
        .set('Content-Type', 'text/csv')
        .send('x')
        .expect(401);
      expect(anonymous.headers['www-authenticate']).toContain('Bearer');
      const customer = await service
        .anonymous()
        [method](path)
        .set('Authorization', `Bearer ${customerKey}`)
        .set('Content-Type', 'text/csv')
        .send('x')
        .expect(403);
      expect(customer.body.type).toContain('operator-key-required');
    },
  );

  it('answers 415 for a body that is not text/csv, or no body at all', async () => {
    const json = await service
      .http()
      .post('/v1/cdr-files?format=asterisk&source=sw1')
      .send({ calls: [] })
      .expect(415);
    expect(json.body.type).toContain('cdr-file-not-csv');
    await service.http().post('/v1/cdr-files?format=asterisk&source=sw1').expect(415);
  });

  it('refuses an unknown format, a bad source or time zone (400)', async () => {
    await post('format=excel&source=sw1', 'x').expect(400);
    await post('format=asterisk&source=sw%201', 'x').expect(400);
    const zone = await post('format=asterisk&source=sw1&timezone=Mars/Olympus', 'x').expect(400);
    expect(zone.body.type).toContain('invalid-time-zone');
  });

  it('lists the imports newest first, and pages the rejected rows of one', async () => {
    const list = await service.http().get('/v1/cdr-files?limit=2').expect(200);
    expect(list.body.data).toHaveLength(2);
    expect(list.body.nextCursor).toEqual(expect.any(String));
    const next = await service
      .http()
      .get(`/v1/cdr-files?limit=50&cursor=${list.body.nextCursor}`)
      .expect(200);
    const listed = [...list.body.data, ...next.body.data] as (Import & { receivedAt: string })[];
    const stored = await service.sql<{ id: string }>(`SELECT id FROM cdr_files ORDER BY received_at DESC`);
    expect(listed.map((file) => file.id)).toEqual(stored.map((row) => row.id));

    const sw1 = (
      await service.sql<{ id: string }>(
        `SELECT id FROM cdr_files WHERE source = 'sw1' ORDER BY received_at LIMIT 1`,
      )
    )[0];
    const one = await service.http().get(`/v1/cdr-files/${sw1.id}`).expect(200);
    expect(one.body.errors).toHaveLength(2);
    const page1 = await service.http().get(`/v1/cdr-files/${sw1.id}/errors?limit=1`).expect(200);
    expect(page1.body.data.map((error: { line: number }) => error.line)).toEqual([7]);
    const page2 = await service
      .http()
      .get(`/v1/cdr-files/${sw1.id}/errors?limit=1&cursor=${page1.body.nextCursor}`)
      .expect(200);
    expect(page2.body).toEqual({ data: [{ line: 9, reason: 'billsec -3 is negative' }], nextCursor: null });
    await service.http().get('/v1/cdr-files/0b7c6f0e-6a44-4e8e-9d1b-2f5c8f4c1a11').expect(404);
  });

  it('counts file records under source="cdr-file", not billable ones included, and audits each import', async () => {
    const scrape = parsePrometheusText((await service.http().get('/metrics').expect(200)).text);
    const count = (outcome: string) =>
      sampleValue(scrape, 'phone_billing_calls_total', { source: 'cdr-file', outcome });
    expect(count('not_billable')).toBe(3 + 3 + 1);
    expect(count('recorded')).toBe(3 + 3 + 2);
    const events = await service.http().get('/v1/audit-events?action=cdr-file.imported').expect(200);
    expect(events.body.data[0]).toMatchObject({
      actor: { kind: 'operator' },
      target: { type: 'cdr-file' },
      details: expect.objectContaining({ format: expect.any(String), records: expect.any(Number) }),
    });
    const audited = await service.sql(
      `SELECT count(*)::int AS n FROM audit_events WHERE action = 'cdr-file.imported'`,
    );
    const complete = await service.sql(`SELECT count(*)::int AS n FROM cdr_files WHERE status = 'complete'`);
    expect(audited).toEqual(complete);
  });

  it("gives the reconciliation the month's not-billable records from stored rows", async () => {
    const ledger = service.app.get(NotBillableLedger, { strict: false });
    const october = await ledger.monthTotals({
      month: '2026-10',
      start: new Date('2026-10-01T00:00:00Z'),
      end: new Date('2026-11-01T00:00:00Z'),
    });
    expect(october).toEqual({ calls: 7, seconds: 0 });
    const september = await ledger.monthTotals({
      month: '2026-09',
      start: new Date('2026-09-01T00:00:00Z'),
      end: new Date('2026-10-01T00:00:00Z'),
    });
    expect(september).toEqual({ calls: 0, seconds: 0 });
  });
});
