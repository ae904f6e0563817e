import { TimeZone } from './time-zone';
import { InvalidTimeZoneError } from './shared.errors';

describe('TimeZone', () => {
  it.each([
    'Europe/Lisbon',
    'UTC',
    'America/Argentina/Buenos_Aires',
    'Pacific/Kiritimati',
    'America/Port-au-Prince',
    'Etc/GMT+1',
  ])('accepts the IANA zone %s and keeps its name', (name) => {
    expect(TimeZone.of(name).name).toBe(name);
    expect(TimeZone.of(name).toString()).toBe(name);
  });

  it('keeps an alias as given instead of swapping it for another name', () => {
    expect(TimeZone.of('Europe/Kyiv').name).toBe('Europe/Kyiv');
    expect(TimeZone.of('Europe/Kiev').name).toBe('Europe/Kiev');
    expect(TimeZone.of('US/Eastern').name).toBe('US/Eastern');
  });

  it('fixes only the letter case of a name', () => {
    expect(TimeZone.of('europe/lisbon').name).toBe('Europe/Lisbon');
    expect(TimeZone.of('utc').name).toBe('UTC');
  });

  it.each([
    'Mars/Olympus',
    '',
    'UTC+1',
    '+01:00',
    '-05',
    'GMT+01:00',
    'Z',
    ' Europe/Lisbon',
    'Europe/Lisbon ',
    'Europe',
  ])('rejects %j', (name) => {
    expect(() => TimeZone.of(name)).toThrow(InvalidTimeZoneError);
  });

  it('rejects a name that is not a string', () => {
    expect(() => TimeZone.of(42 as unknown as string)).toThrow(InvalidTimeZoneError);
  });

  it('reports the timezone field with a stable code', () => {
    expect(() => TimeZone.of('Mars/Olympus')).toThrow(
      expect.objectContaining({ code: 'invalid_time_zone', category: 'validation', field: 'timezone' }),
    );
  });

  it('is equal to the same zone', () => {
    expect(TimeZone.of('Europe/Lisbon').equals(TimeZone.of('Europe/Lisbon'))).toBe(true);
    expect(TimeZone.of('Europe/Lisbon').equals(TimeZone.of('Europe/London'))).toBe(false);
  });
});
