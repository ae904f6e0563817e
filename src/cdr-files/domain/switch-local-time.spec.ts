import { Temporal } from '@js-temporal/polyfill';
import fc from 'fast-check';
import { readSwitchTime } from './switch-local-time';

const read = (text: string, zone: string) => {
  const reading = readSwitchTime(text, zone);
  return 'instant' in reading ? reading.instant.toISOString() : reading.problem;
};

describe("A switch's offset-less timestamp, read in its time zone", () => {
  it('is the wall-clock time of the zone, summer or winter', () => {
    expect(read('2026-10-05 15:03:00', 'Europe/Lisbon')).toBe('2026-10-05T14:03:00.000Z');
    expect(read('2026-12-05 15:03:00', 'Europe/Lisbon')).toBe('2026-12-05T15:03:00.000Z');
    expect(read('2026-10-05T15:03:00', 'UTC')).toBe('2026-10-05T15:03:00.000Z');
  });

  it('is the earlier of the two instants where the clock went back and showed it twice', () => {
    // Lisbon, 25 October 2026: 02:00 WEST becomes 01:00 WET; 01:30 happens at 00:30Z and at 01:30Z.
    expect(read('2026-10-25 01:30:00', 'Europe/Lisbon')).toBe('2026-10-25T00:30:00.000Z');
    expect(read('2026-11-01 01:30:00', 'America/New_York')).toBe('2026-11-01T05:30:00.000Z');
  });

  it('is refused where the clock jumped over it (no instant shows it)', () => {
    // Lisbon, 29 March 2026: 01:00 WET becomes 02:00 WEST; 01:30 never happens.
    expect(read('2026-03-29 01:30:00', 'Europe/Lisbon')).toContain('does not exist in Europe/Lisbon');
  });

  it.each(['2026-02-30 10:00:00', '2026-10-05 24:00:00', '2026-10-05', '05/10/2026 10:00', ''])(
    'is refused when it is not a time: %j',
    (text) => {
      expect(read(text, 'UTC')).toContain('is not a time');
    },
  );

  it("agrees with Temporal's 'earlier' disambiguation for any zone and time, and refuses exactly its gaps", () => {
    const zones = [
      'Europe/Lisbon',
      'America/New_York',
      'Australia/Lord_Howe',
      'America/Asuncion',
      'Asia/Kolkata',
      'Pacific/Apia',
    ];
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('1990-01-01T00:00:00Z'),
          max: new Date('2037-12-31T00:00:00Z'),
          noInvalidDate: true,
        }),
        fc.constantFrom(...zones),
        (wall, zone) => {
          const text = wall.toISOString().slice(0, 19).replace('T', ' ');
          const fields = Temporal.PlainDateTime.from(text.replace(' ', 'T'));
          // 'earlier' gives the first real instant of a repeated time, and a moved one for a gap.
          const earlier = fields.toZonedDateTime(zone, { disambiguation: 'earlier' });
          const expected = earlier.toPlainDateTime().equals(fields)
            ? new Date(earlier.epochMilliseconds).toISOString()
            : 'gap';
          const actual = read(text, zone);
          expect(actual.includes('does not exist') ? 'gap' : actual).toBe(expected);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('finds the transitions of a DST day by brute force over its minutes, as Temporal does', () => {
    for (const [zone, day] of [
      ['Europe/Lisbon', '2026-03-29'],
      ['Europe/Lisbon', '2026-10-25'],
      ['America/New_York', '2026-03-08'],
    ]) {
      for (let minute = 0; minute < 24 * 60; minute += 5) {
        const text = `${day} ${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}:00`;
        const fields = Temporal.PlainDateTime.from(text.replace(' ', 'T'));
        const earlier = fields.toZonedDateTime(zone, { disambiguation: 'earlier' });
        const exists = earlier.toPlainDateTime().equals(fields);
        const actual = read(text, zone);
        if (exists) expect(actual).toBe(new Date(earlier.epochMilliseconds).toISOString());
        else expect(actual).toContain('does not exist');
      }
    }
  });
});
