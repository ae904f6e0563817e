import fc from 'fast-check';
import type { SwitchContext } from '../cdr-row';
import { CdrFileUnreadableError } from '../cdr-file.errors';
import { CDR_FORMATS } from './cdr-format.registry';

const context: SwitchContext = {
  source: 'sw1',
  timezone: 'Europe/Lisbon',
  country: 'PT',
  maxSeconds: 86_400,
};
const asterisk = CDR_FORMATS.get('asterisk')!.open(context, null);
const freeswitch = CDR_FORMATS.get('freeswitch')!.open(context, null);

/** An Asterisk row: accountcode, src, dst, dcontext, clid, channel, dstchannel, lastapp, lastdata, start, answer, end, duration, billsec, disposition, amaflags[, uniqueid, userfield]. */
function asteriskRow(
  changes: Partial<
    Record<'src' | 'dst' | 'start' | 'answer' | 'billsec' | 'disposition' | 'uniqueid', string>
  > = {},
): string[] {
  const row = {
    src: '+351912000001',
    dst: '+14155550100',
    start: '2026-10-05 15:02:51',
    answer: '2026-10-05 15:03:00',
    billsec: '180',
    disposition: 'ANSWERED',
    uniqueid: '1759673000.1',
    ...changes,
  };
  return [
    '',
    row.src,
    row.dst,
    'from-internal',
    '"Ada" <100>',
    'SIP/100-1',
    'SIP/trunk-2',
    'Dial',
    'SIP/trunk',
    row.start,
    row.answer,
    '2026-10-05 15:06:00',
    '189',
    row.billsec,
    row.disposition,
    'DOCUMENTATION',
    row.uniqueid,
    '',
  ];
}

describe('CDR formats', () => {
  it('maps an answered Asterisk record: caller, answer time in the zone, billsec, callId from uniqueid', () => {
    expect(asterisk(asteriskRow())).toEqual({
      kind: 'call',
      input: {
        callId: 'sw1:1759673000.1',
        phoneNumber: '+351912000001',
        destination: '+14155550100',
        startedAt: '2026-10-05T14:03:00.000Z',
        durationSeconds: 180,
      },
    });
  });

  it("reads numbers without + in the country's national format", () => {
    const mapped = asterisk(asteriskRow({ src: '912000002', dst: '213000000' }));
    expect(mapped).toMatchObject({
      kind: 'call',
      input: { phoneNumber: '+351912000002', destination: '+351213000000' },
    });
  });

  it('keeps a destination that is not a phone number as the switch wrote it (an extension)', () => {
    expect(asterisk(asteriskRow({ dst: '100' }))).toMatchObject({ input: { destination: '100' } });
  });

  it.each(['BUSY', 'NO ANSWER', 'FAILED', 'CONGESTION'])(
    'counts a %s record as not billable, at its start time',
    (disposition) => {
      expect(asterisk(asteriskRow({ disposition, answer: '', billsec: '0' }))).toEqual({
        kind: 'not-billable',
        callId: 'sw1:1759673000.1',
        startedAt: new Date('2026-10-05T14:02:51Z'),
        seconds: 0,
      });
    },
  );

  it('counts an answered record of 0 billed seconds as not billable', () => {
    expect(asterisk(asteriskRow({ billsec: '0' }))).toMatchObject({ kind: 'not-billable' });
  });

  it.each([
    [{ billsec: '-3' }, 'billsec -3 is negative'],
    [{ billsec: '86401' }, 'over MAX_CALL_MINUTES'],
    [{ billsec: 'ten' }, 'not a whole number'],
    [{ src: 'anonymous' }, 'not a valid phone number'],
    [{ answer: '2026-03-29 01:30:00' }, 'does not exist'],
    [{ uniqueid: 'has space' }, 'not usable in a callId'],
  ])('rejects a row with %j, saying why', (changes, reason) => {
    expect(asterisk(asteriskRow(changes))).toEqual({
      kind: 'rejected',
      reason: expect.stringContaining(reason),
    });
  });

  it('names a record without uniqueid by the SHA-256 of its fields: the same fields, the same callId', () => {
    const withoutId = asteriskRow().slice(0, 16);
    const first = asterisk(withoutId);
    expect(first).toMatchObject({ input: { callId: expect.stringMatching(/^sw1:[0-9a-f]{64}$/) } });
    expect(asterisk([...withoutId])).toEqual(first);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 86_400 }), fc.integer({ min: 1, max: 86_400 }), (a, b) => {
        const callIdOf = (billsec: number) =>
          (
            asterisk(asteriskRow({ billsec: String(billsec), uniqueid: '' }).slice(0, 16)) as {
              input: { callId: string };
            }
          ).input.callId;
        expect(callIdOf(a) === callIdOf(b)).toBe(a === b);
      }),
    );
  });

  it('maps a FreeSWITCH record: uuid, answer_stamp, billsec; not answered when billsec is 0', () => {
    const row = [
      'Ada',
      '912000002',
      '+14155550100',
      'default',
      '2026-10-06 10:00:00',
      '2026-10-06 10:00:05',
      '2026-10-06 10:02:05',
      '125',
      '120',
      'NORMAL_CLEARING',
      'a1b2',
      '',
      '',
      'PCMA',
      'PCMA',
    ];
    expect(freeswitch(row)).toEqual({
      kind: 'call',
      input: {
        callId: 'sw1:a1b2',
        phoneNumber: '+351912000002',
        destination: '+14155550100',
        startedAt: '2026-10-06T09:00:05.000Z',
        durationSeconds: 120,
      },
    });
    const busy = [...row];
    busy[5] = '';
    busy[8] = '0';
    expect(freeswitch(busy)).toMatchObject({
      kind: 'not-billable',
      startedAt: new Date('2026-10-06T09:00:00Z'),
    });
  });

  it('takes the column counts of each format only', () => {
    expect([15, 16, 17, 18, 19].map((n) => CDR_FORMATS.get('asterisk')!.fits(n))).toEqual([
      false,
      true,
      true,
      true,
      false,
    ]);
    expect([14, 15, 16].map((n) => CDR_FORMATS.get('freeswitch')!.fits(n))).toEqual([false, true, false]);
  });

  it("reads this service's own CSV by its header, in seconds or minutes", () => {
    const own = CDR_FORMATS.get('csv')!;
    const minutes = own.open(context, ['callId', 'phoneNumber', 'destination', 'startedAt', 'minutes']);
    expect(minutes(['c-1', '+351912000001', '', '2026-10-07T09:00:00Z', '3'])).toEqual({
      kind: 'call',
      input: {
        callId: 'c-1',
        phoneNumber: '+351912000001',
        startedAt: '2026-10-07T09:00:00.000Z',
        durationSeconds: 180,
      },
    });
    expect(() => own.open(context, ['id', 'number'])).toThrow(CdrFileUnreadableError);
  });
});
