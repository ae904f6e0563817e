import { parse } from 'csv-parse/sync';
import type { CallView } from '../../calls';
import { callsCsv, spreadsheetSafe } from './calls-csv';

function calls(...views: CallView[]): AsyncIterable<CallView> {
  return (async function* () {
    yield* await Promise.resolve(views);
  })();
}

const aCall = (overrides: Partial<CallView>): CallView => ({
  id: '0b7c6f0e-6a44-4e8e-9d1b-2f5c8f4c1a11',
  callId: 'sw1-1',
  customerId: '0b7c6f0e-6a44-4e8e-9d1b-2f5c8f4c1a12',
  phoneNumber: '+351912345678',
  destination: '+14155550100',
  startedAt: '2026-10-05T14:03:00.000Z',
  minutes: 3,
  durationSeconds: 180,
  billedSeconds: 180,
  rate: { group: 'default', ratePerMinute: '0.02' },
  charge: { amount: '0.06', currency: 'USD' },
  plan: 'postpaid',
  period: '2026-10',
  receivedAt: '2026-10-05T14:06:00.000Z',
  ...overrides,
});

async function text(stream: NodeJS.ReadableStream): Promise<string> {
  let all = '';
  for await (const chunk of stream) all += String(chunk);
  return all;
}

describe('the calls CSV', () => {
  it('writes a header and one row per call, times with the customer offset, charges exact', async () => {
    const csv = await text(
      callsCsv(
        calls(
          aCall({ charge: { amount: '0.045', currency: 'USD' } }),
          aCall({
            destination: 'Café "Łódź", 2nd line',
            startedAt: '2026-12-01T00:30:00.000Z',
            callId: 'sw1-2',
          }),
        ),
        'Europe/Lisbon',
      ),
    );
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const rows = parse<Record<string, string>>(csv.slice(1), { columns: true });
    expect(rows).toEqual([
      {
        started_at: '2026-10-05T15:03:00+01:00',
        line: '+351912345678',
        destination: '+14155550100',
        destination_group: 'default',
        minutes: '3',
        duration_seconds: '180',
        billed_seconds: '180',
        rate_per_minute: '0.02',
        charge: '0.045',
        currency: 'USD',
        call_id: 'sw1-1',
      },
      expect.objectContaining({
        started_at: '2026-12-01T00:30:00+00:00',
        destination: 'Café "Łódź", 2nd line',
      }),
    ]);
  });

  it('writes only the header for a period without calls', async () => {
    const csv = await text(callsCsv(calls(), 'UTC'));
    expect(csv).toBe(
      '\uFEFFstarted_at,line,destination,destination_group,minutes,duration_seconds,billed_seconds,rate_per_minute,charge,currency,call_id\r\n',
    );
  });

  it.each([
    ['=HYPERLINK("http://x")', `'=HYPERLINK("http://x")`],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['+1+cmd|calc', "'+1+cmd|calc"],
    ['-2+3', "'-2+3"],
    ['\tx', "'\tx"],
  ])('keeps a spreadsheet from running %j', (cell, safe) => {
    expect(spreadsheetSafe(cell)).toBe(safe);
  });

  it.each(['+14155550100', '+1 (415) 555-0100', '-0.10', 'Portugal mobile', ''])(
    'leaves %j as it is',
    (cell) => {
      expect(spreadsheetSafe(cell)).toBe(cell);
    },
  );
});
