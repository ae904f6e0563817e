import fc from 'fast-check';
import { DateTime } from 'luxon';
import { WallClock } from './wall-clock';

const ZONES = [
  'Europe/Lisbon',
  'America/New_York',
  'Australia/Lord_Howe',
  'Asia/Kathmandu',
  'Pacific/Chatham',
  'UTC',
];

describe('WallClock', () => {
  it('reads an instant as the zone wall clock shows it, across clock changes', () => {
    const clock = new WallClock('Europe/Lisbon');
    expect(clock.read(new Date('2026-10-05T14:03:09Z'))).toEqual({ date: '2026-10-05', time: '15:03:09' });
    expect(clock.read(new Date('2026-10-25T00:59:59Z'))).toEqual({ date: '2026-10-25', time: '01:59:59' });
    expect(clock.read(new Date('2026-10-25T01:00:00Z'))).toEqual({ date: '2026-10-25', time: '01:00:00' });
  });

  it('agrees with luxon for every instant and zone', () => {
    const clocks = new Map(ZONES.map((zone) => [zone, new WallClock(zone)]));
    fc.assert(
      fc.property(
        fc.constantFrom(...ZONES),
        fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2040, 0, 1) }),
        (zone, ms) => {
          const expected = DateTime.fromMillis(ms, { zone });
          expect(clocks.get(zone)!.read(new Date(ms))).toEqual({
            date: expected.toFormat('yyyy-MM-dd'),
            time: expected.toFormat('HH:mm:ss'),
          });
        },
      ),
      { numRuns: 3000 },
    );
  });
});
