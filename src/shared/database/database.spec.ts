import fc from 'fast-check';
import { instant, isoInstant } from './database';

/** An instant written the way PostgreSQL writes a timestamptz in a UTC session. */
function asPostgresWritesIt(at: Date, micros: number): string {
  const iso = at.toISOString();
  const fraction = `${iso.slice(20, 23)}${String(micros).padStart(3, '0')}`.replace(/0+$/, '');
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)}${fraction ? `.${fraction}` : ''}+00`;
}

describe('isoInstant', () => {
  it('writes what toISOString writes, for any instant PostgreSQL answers in UTC', () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('1970-01-01T00:00:00Z'),
          max: new Date('9999-12-31T23:59:59Z'),
          noInvalidDate: true,
        }),
        fc.integer({ min: 0, max: 999 }),
        (at, micros) => {
          const text = asPostgresWritesIt(at, micros);
          expect(isoInstant(text)).toBe(instant(text).toISOString());
          expect(isoInstant(text)).toBe(at.toISOString());
        },
      ),
    );
  });

  it('falls back to a Date for other offsets and for Dates', () => {
    expect(isoInstant('2026-10-01 01:30:00+01')).toBe('2026-10-01T00:30:00.000Z');
    expect(isoInstant('2026-10-01 05:30:00.5+05:30')).toBe('2026-10-01T00:00:00.500Z');
    expect(isoInstant(new Date('2026-10-01T00:00:00.250Z'))).toBe('2026-10-01T00:00:00.250Z');
  });
});
