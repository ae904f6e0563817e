import fc from 'fast-check';
import { type IssuedPeriod, repairCallPeriod, type StoredCallPeriod } from './call-period-repair';

const call = (overrides: Partial<StoredCallPeriod> = {}): StoredCallPeriod => ({
  id: 'c-1',
  callId: 'sw1-1',
  customerId: 'cust-1',
  // Asuncion: local 00:30 on 1 November 2023, November's by BillingPeriod.
  startedAt: new Date('2023-11-01T03:30:00Z'),
  receivedAt: new Date('2023-11-01T03:31:00Z'),
  period: '2023-10',
  late: false,
  lateInvoiceId: null,
  ...overrides,
});
/** October as the old code issued it: up to 04:00Z, over the first hour of November. */
const oldOctober: IssuedPeriod = {
  invoiceId: 'inv-oct',
  period: '2023-10',
  start: new Date('2023-10-01T04:00:00Z'),
  end: new Date('2023-11-01T04:00:00Z'),
  issuedAt: new Date('2023-11-01T04:30:00Z'),
};
const november: IssuedPeriod = {
  invoiceId: 'inv-nov',
  period: '2023-11',
  start: new Date('2023-11-01T03:00:00Z'),
  end: new Date('2023-12-01T03:00:00Z'),
  issuedAt: new Date('2023-12-01T04:00:00Z'),
};
const exactOctober: IssuedPeriod = { ...oldOctober, end: new Date('2023-11-01T03:00:00Z') };

describe('repairCallPeriod', () => {
  it('moves an unbilled call to its period when that period has no invoice yet', () => {
    expect(repairCallPeriod(call(), '2023-11', [])).toMatchObject({
      period: '2023-11',
      late: false,
      lateInvoiceId: null,
      outcome: 'moved',
    });
  });

  it('makes an unbilled call late when its period is already invoiced, so the next invoice bills it', () => {
    // November as the old code could issue it, from 04:00Z: the call fell between the two invoices.
    const oldNovember = { ...november, start: new Date('2023-11-01T04:00:00Z') };
    expect(repairCallPeriod(call(), '2023-11', [exactOctober, oldNovember])).toMatchObject({
      period: '2023-11',
      late: true,
      lateInvoiceId: null,
      outcome: 'moved-late',
    });
  });

  it('keeps a call billed by an old invoice on that invoice and off its own period', () => {
    expect(repairCallPeriod(call({ period: '2023-11' }), '2023-11', [oldOctober])).toMatchObject({
      period: '2023-10',
      late: true,
      lateInvoiceId: 'inv-oct',
      outcome: 'kept-as-billed',
    });
  });

  it('reports a call two old invoices billed, and changes nothing else', () => {
    const twice = repairCallPeriod(call({ period: '2023-11' }), '2023-11', [oldOctober, november]);
    expect(twice).toMatchObject({
      period: '2023-11',
      late: false,
      lateInvoiceId: null,
      outcome: 'billed-twice',
    });
  });

  it('leaves a call billed as late usage, and a call already right', () => {
    expect(repairCallPeriod(call({ late: true, lateInvoiceId: 'inv-x' }), '2023-11', [])).toBeNull();
    expect(repairCallPeriod(call({ period: '2023-11' }), '2023-11', [exactOctober])).toBeNull();
    expect(repairCallPeriod(call({ period: '2023-11' }), '2023-11', [november])).toBeNull();
  });

  it('does not count a call received after an invoice was issued as billed by it', () => {
    const afterwards = call({ period: '2023-11', receivedAt: new Date('2023-11-02T00:00:00Z') });
    expect(repairCallPeriod(afterwards, '2023-11', [oldOctober])).toBeNull();
  });

  it('keeps a call waiting as late late, with its correct period: the next invoice after it bills it', () => {
    expect(repairCallPeriod(call({ late: true }), '2023-11', [oldOctober])).toMatchObject({
      period: '2023-11',
      late: true,
      lateInvoiceId: null,
      outcome: 'moved-late',
    });
  });

  it('changes nothing the second time (a repair is safe to run again)', () => {
    const invoice = (period: string, start: string, end: string): IssuedPeriod => ({
      invoiceId: `inv-${period}-${start}`,
      period,
      start: new Date(start),
      end: new Date(end),
      issuedAt: new Date(end),
    });
    const octobers = [oldOctober, exactOctober];
    const novembers = [november, invoice('2023-11', '2023-11-01T04:00:00Z', '2023-12-01T03:00:00Z')];
    fc.assert(
      fc.property(
        fc.subarray(octobers, { maxLength: 1 }),
        fc.subarray(novembers, { maxLength: 1 }),
        fc.constantFrom('2023-10', '2023-11'),
        fc.boolean(),
        fc.constantFrom('2023-11-01T03:31:00Z', '2023-12-24T00:00:00Z'),
        (october, nov, stored, late, receivedAt) => {
          const invoices = [...october, ...nov];
          const received = new Date(receivedAt);
          const first = repairCallPeriod(
            call({ period: stored, late, receivedAt: received }),
            '2023-11',
            invoices,
          );
          if (!first) return;
          const repaired = call({
            period: first.period,
            late: first.late,
            lateInvoiceId: first.lateInvoiceId,
            receivedAt: received,
          });
          const second = repairCallPeriod(repaired, '2023-11', invoices);
          if (first.outcome === 'billed-twice') expect(second?.outcome).toBe('billed-twice');
          else expect(second).toBeNull();
        },
      ),
    );
  });
});
