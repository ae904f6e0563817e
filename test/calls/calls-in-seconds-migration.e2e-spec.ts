import { randomBytes, randomUUID } from 'node:crypto';
import { MikroORM } from '@mikro-orm/postgresql';
import { createOrmConfig } from '../../mikro-orm.config';
import { migrateToLatest } from '../../src/shared/database/migrate';
import { aCustomer } from '../support/mothers';
import { startTestApp, TestApp } from '../support/test-app';
import { databaseName, TEST_SERVER_URL_VARIABLE, withClient, withDatabase } from '../support/test-database';

const LINE = '+351912000001';
/** The last migration before calls were rated in seconds. */
const BEFORE_SECONDS = 'Migration20261201024019_portal_sessions';

describe('Migrating calls and invoices to seconds', () => {
  const serverUrl = () => process.env[TEST_SERVER_URL_VARIABLE]!;
  let url: string;
  let service: TestApp;
  const callId = `old-${randomBytes(4).toString('hex')}`;
  const invoiceId = randomUUID();
  const oldOwner = randomUUID();
  let customerId: string;

  beforeAll(async () => {
    const name = `${databaseName(serverUrl())}_seconds_${randomBytes(4).toString('hex')}`;
    await withClient(withDatabase(serverUrl(), 'postgres'), (client) =>
      client.query(`CREATE DATABASE "${name}"`),
    );
    url = withDatabase(serverUrl(), name);

    const orm = await MikroORM.init(createOrmConfig(url, { pool: { min: 0, max: 1 } }));
    try {
      await orm.migrator.up({ to: BEFORE_SECONDS });
      // A call and an invoice as the code before #16 stored them: whole minutes at a unit price.
      await orm.em.getConnection().execute(
        `INSERT INTO calls (id, call_id, customer_id, phone_number, destination, started_at, minutes, unit_price,
                            charge, currency, plan, period, received_at)
         VALUES (?, ?, ?, '+351912000001', '+14155550100', '2026-10-05T14:03:00Z', 3, 0.015, 0.045, 'USD',
                 'postpaid', '2026-10', '2026-10-05T14:07:00Z')`,
        [randomUUID(), callId, oldOwner],
      );
      await orm.em.getConnection().execute(
        `INSERT INTO invoices (id, number, sequence, customer_id, period, period_start, period_end, timezone, plan,
                               issued_at, call_count, minutes, lines, total, currency)
         VALUES (?, 'INV-2026-000001', 1, ?, '2026-10', '2026-10-01T00:00:00Z', '2026-11-01T00:00:00Z', 'UTC',
                 'postpaid', '2026-11-01T00:05:00Z', 1, 3,
                 '[{"kind":"usage","description":"3 minutes at 0.015 USD","period":"2026-10","quantity":3,"unitPrice":"0.015","amount":"0.05"}]',
                 0.05, 'USD')`,
        [invoiceId, oldOwner],
      );
      await migrateToLatest(orm);
    } finally {
      await orm.close();
    }
    service = await startTestApp({ now: '2026-11-10T12:00:00Z', databaseUrl: url });
    // The old rows' owner, registered now with the line the call came from.
    const customer = await aCustomer(service, { phoneNumbers: [LINE] });
    customerId = customer.id;
    await service.sql('UPDATE calls SET customer_id = $1 WHERE call_id = $2', [customerId, callId]);
    await service.sql('UPDATE invoices SET customer_id = $1 WHERE id = $2', [customerId, invoiceId]);
  });
  afterAll(async () => {
    await service.close();
    await withClient(withDatabase(serverUrl(), 'postgres'), (client) =>
      client.query(`DROP DATABASE IF EXISTS "${databaseName(url)}" WITH (FORCE)`),
    );
  });

  it('reads a call stored in minutes back in seconds, at its old price in the default group', async () => {
    const history = await service.http().get(`/v1/customers/${customerId}/calls`).expect(200);
    expect(history.body.data).toEqual([
      expect.objectContaining({
        callId,
        minutes: 3,
        durationSeconds: 180,
        billedSeconds: 180,
        rate: { group: 'default', ratePerMinute: '0.015' },
        charge: { amount: '0.045', currency: 'USD' },
      }),
    ]);
  });

  it('replays a call stored in minutes as the same call when sent in seconds', async () => {
    const replay = await service
      .http()
      .post('/v1/calls')
      .send({
        callId,
        phoneNumber: LINE,
        destination: '+14155550100',
        startedAt: '2026-10-05T14:03:00Z',
        durationSeconds: 180,
      })
      .expect(200);
    expect(replay.body).toMatchObject({ durationSeconds: 180, charge: { amount: '0.045' } });
  });

  it('gives an invoice issued before the billed seconds of its minutes, and keeps its lines', async () => {
    const invoice = await service.http().get(`/v1/invoices/${invoiceId}`).expect(200);
    expect(invoice.body).toMatchObject({ minutes: 3, billedSeconds: 180, total: { amount: '0.05' } });
    expect(invoice.body.lines).toEqual([
      {
        kind: 'usage',
        description: '3 minutes at 0.015 USD',
        period: '2026-10',
        quantity: 3,
        unitPrice: '0.015',
        amount: '0.05',
      },
    ]);
  });
});
