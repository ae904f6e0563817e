import { randomUUID } from 'node:crypto';
import { RepairCallPeriodsUseCase } from '../../src/invoicing';
import { runCallPeriodRepair } from '../../src/repair-call-periods';
import { aCustomer, CreatedCustomer } from '../support/mothers';
import { startTestApp, TestApp } from '../support/test-app';

interface StoredCall {
  call_id: string;
  period: string;
  late: boolean;
  late_invoice_id: string | null;
}

/**
 * `npm run periods:repair` on data as the code before issue #12 left it: periods stored on calls
 * and invoices issued with bounds from a guessed offset and "start plus a month".
 */
describe('Repairing the periods stored by the old code', () => {
  let service: TestApp;
  let callNumber = 0;

  beforeAll(async () => {
    service = await startTestApp({ now: '2026-10-15T12:00:00Z' });
  });
  afterAll(() => service.close());

  /** A call row as the old code stored it (rated at 0.02 a minute, postpaid). */
  async function oldCall(customer: CreatedCustomer, startedAt: string, minutes: number, period: string) {
    callNumber += 1;
    const callId = `old-${callNumber}`;
    await service.sql(
      `INSERT INTO calls (id, call_id, customer_id, phone_number, started_at, minutes, duration_seconds,
                          billed_seconds, rate_group, rate_per_minute, charge, currency, plan, period, received_at)
       VALUES ($1, $2, $3, $4, $5, $6::integer, 60 * $6::integer, 60 * $6::integer, 'default', 0.02,
               0.02 * $6::integer, 'USD', 'postpaid', $7, $5)`,
      [randomUUID(), callId, customer.id, customer.phoneNumber, startedAt, minutes, period],
    );
    return callId;
  }

  /** An invoice as the old code issued it, with its (wrong) bounds. */
  async function oldInvoice(
    customer: CreatedCustomer,
    period: string,
    start: string,
    end: string,
    zone: string,
  ) {
    const [{ last_value: sequence }] = await service.sql<{ last_value: string }>(
      'UPDATE invoice_number_counter SET last_value = last_value + 1 RETURNING last_value',
    );
    const id = randomUUID();
    await service.sql(
      `INSERT INTO invoices (id, number, sequence, customer_id, period, period_start, period_end, timezone, plan,
                             issued_at, call_count, minutes, billed_seconds, lines, total, currency)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'postpaid', $7, 0, 0, 0, '[]', 0, 'USD')`,
      [id, `INV-OLD-${sequence}`, sequence, customer.id, period, start, end, zone],
    );
    return id;
  }

  const stored = async (callId: string) =>
    (
      await service.sql<StoredCall>(
        'SELECT call_id, period, late, late_invoice_id FROM calls WHERE call_id = $1',
        [callId],
      )
    )[0];
  const issue = (customer: CreatedCustomer, period: string) =>
    service.http().post(`/v1/customers/${customer.id}/invoices`).send({ period }).expect(201);

  it('fixes unbilled calls, keeps billed ones on their invoice, and reports what it changed', async () => {
    // Asuncion, October billed by the old bounds [04:00Z, 04:00Z): the boundary call was billed on it.
    const billed = await aCustomer(service, { timezone: 'America/Asuncion' });
    const billedOctober = await oldCall(billed, '2023-10-15T15:00:00Z', 10, '2023-10');
    const billedBoundary = await oldCall(billed, '2023-11-01T03:30:00Z', 5, '2023-10');
    const billedNovember = await oldCall(billed, '2023-11-15T15:00:00Z', 7, '2023-11');
    const octoberInvoice = await oldInvoice(
      billed,
      '2023-10',
      '2023-10-01T04:00:00Z',
      '2023-11-01T04:00:00Z',
      'America/Asuncion',
    );
    // Asuncion, nothing invoiced yet: the boundary call stored as October moves to November.
    const unbilled = await aCustomer(service, { timezone: 'America/Asuncion' });
    const unbilledBoundary = await oldCall(unbilled, '2023-11-01T03:30:00Z', 5, '2023-10');
    const unbilledFirstHour = await oldCall(unbilled, '2023-10-01T04:30:00Z', 2, '2023-10'); // right
    // Asuncion, both months invoiced by overlapping old bounds: billed twice, reported.
    const twice = await aCustomer(service, { timezone: 'America/Asuncion' });
    const twiceBoundary = await oldCall(twice, '2023-11-01T03:30:00Z', 5, '2023-11');
    await oldInvoice(twice, '2023-10', '2023-10-01T04:00:00Z', '2023-11-01T04:00:00Z', 'America/Asuncion');
    await oldInvoice(twice, '2023-11', '2023-11-01T03:00:00Z', '2023-12-01T03:00:00Z', 'America/Asuncion');
    // Managua, both months invoiced with a gap [05:00Z, 06:00Z) between them: the call was billed on none.
    const gap = await aCustomer(service, { timezone: 'America/Managua' });
    const gapCall = await oldCall(gap, '2006-10-01T05:30:00Z', 30, '2006-10');
    await oldInvoice(gap, '2006-09', '2006-09-01T06:00:00Z', '2006-10-01T05:00:00Z', 'America/Managua');
    await oldInvoice(gap, '2006-10', '2006-10-01T06:00:00Z', '2006-11-01T06:00:00Z', 'America/Managua');
    // Lisbon and UTC calls next to a period start were right: untouched.
    const lisbon = await aCustomer(service, { timezone: 'Europe/Lisbon' });
    const lisbonCall = await oldCall(lisbon, '2026-03-31T23:30:00Z', 1, '2026-04');
    const utc = await aCustomer(service, { timezone: 'UTC' });
    const utcCall = await oldCall(utc, '2026-09-30T23:59:59Z', 1, '2026-09');
    const before = await Promise.all([billedBoundary, unbilledBoundary, gapCall].map(stored));

    const repair = service.app.get(RepairCallPeriodsUseCase);
    const dryRun = await repair.execute({ dryRun: true });
    expect(dryRun.outcomes).toEqual({ moved: 1, 'moved-late': 1, 'kept-as-billed': 1, 'billed-twice': 1 });
    expect(await Promise.all([billedBoundary, unbilledBoundary, gapCall].map(stored))).toEqual(before);

    const lines: string[] = [];
    await runCallPeriodRepair([], { DATABASE_URL: service.databaseUrl, LOG_LEVEL: 'silent' }, (line) =>
      lines.push(line),
    );
    expect(lines.slice(0, -1).sort()).toEqual(
      [
        `billed-twice call ${twiceBoundary} (customer ${twice.id}, started 2023-11-01T03:30:00.000Z): period 2023-11 -> 2023-11`,
        `kept-as-billed call ${billedBoundary} (customer ${billed.id}, started 2023-11-01T03:30:00.000Z): period 2023-10 -> 2023-10 (late), kept off 2023-11: billed on invoice ${octoberInvoice}`,
        `moved call ${unbilledBoundary} (customer ${unbilled.id}, started 2023-11-01T03:30:00.000Z): period 2023-10 -> 2023-11`,
        `moved-late call ${gapCall} (customer ${gap.id}, started 2006-10-01T05:30:00.000Z): period 2006-10 -> 2006-10 (late)`,
      ].sort(),
    );
    expect(JSON.parse(lines[lines.length - 1])).toMatchObject({
      dryRun: false,
      changed: 4,
      outcomes: { moved: 1, 'moved-late': 1, 'kept-as-billed': 1, 'billed-twice': 1 },
    });

    expect(await stored(billedBoundary)).toEqual({
      call_id: billedBoundary,
      period: '2023-10',
      late: true,
      late_invoice_id: octoberInvoice,
    });
    expect(await stored(unbilledBoundary)).toMatchObject({
      period: '2023-11',
      late: false,
      late_invoice_id: null,
    });
    expect(await stored(gapCall)).toMatchObject({ period: '2006-10', late: true, late_invoice_id: null });
    for (const callId of [
      billedOctober,
      billedNovember,
      twiceBoundary,
      unbilledFirstHour,
      lisbonCall,
      utcCall,
    ]) {
      expect(await stored(callId)).toMatchObject({ late: false, late_invoice_id: null });
    }
    expect((await stored(lisbonCall)).period).toBe('2026-04');
    expect((await stored(utcCall)).period).toBe('2026-09');

    // Run again: nothing left to change; the double billing is still reported.
    const again = await repair.execute({ dryRun: false });
    expect(again.outcomes).toEqual({ moved: 0, 'moved-late': 0, 'kept-as-billed': 0, 'billed-twice': 1 });

    // What the invoices now bill: each call once.
    const november = await issue(billed, '2023-11');
    expect(november.body).toMatchObject({ callCount: 1, minutes: 7, total: { amount: '0.14' } });
    expect((await issue(unbilled, '2023-10')).body).toMatchObject({ callCount: 1, minutes: 2 });
    expect((await issue(unbilled, '2023-11')).body).toMatchObject({ callCount: 1, minutes: 5 });
    // The call no invoice billed goes on the customer's next invoice, naming its period.
    service.clock.set('2026-11-02T00:00:00Z'); // October has ended in Managua
    const next = await issue(gap, '2026-10');
    expect(next.body.lines).toEqual([
      expect.objectContaining({ kind: 'late_usage', period: '2006-10', quantity: 30, amount: '0.60' }),
    ]);
    expect(next.body.total).toEqual({ amount: '0.60', currency: 'USD' });
  });
});
