import { utcOffsetAt, wallTime } from '../../shared/domain/local-time';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})(?:\.\d{1,6})?$/;

export type LocalReading = { instant: Date } | { problem: string };

// Offsets a day either side of each wall-clock hour, per zone: a file's rows cluster in time.
const offsetsByHour = new Map<string, [number, number]>();
const CACHE_LIMIT = 50_000;

/**
 * The instant a switch's offset-less timestamp (`2026-10-05 14:03:00`) names on the wall clock of
 * `zone`. Where the clock went back and the time happened twice, the earlier instant (the first
 * time the clock showed it, as periods take the earlier of two midnights); where the clock jumped
 * over it, no instant: the row is rejected rather than moved.
 */
export function readSwitchTime(text: string, zone: string): LocalReading {
  const match = TIMESTAMP.exec(text);
  if (!match) return { problem: `${JSON.stringify(text)} is not a time (YYYY-MM-DD HH:MM:SS)` };
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map(Number);
  const wall = wallTime(year, month, day, hour, minute, second);
  const back = new Date(wall);
  if (
    back.getUTCMonth() + 1 !== month ||
    back.getUTCDate() !== day ||
    hour > 23 ||
    minute > 59 ||
    second > 59
  )
    return { problem: `${JSON.stringify(text)} is not a time (YYYY-MM-DD HH:MM:SS)` };

  const [before, after] = offsetsAround(zone, wall);
  // The zone does not change its offset twice within two days (as Temporal assumes): with the same
  // offset on both sides, none changed in between.
  if (before === after) return { instant: new Date(wall - before) };
  const candidates = [wall - before, wall - after].filter(
    (candidate) => candidate + utcOffsetAt(zone, candidate) === wall,
  );
  if (candidates.length === 0)
    return { problem: `${text} does not exist in ${zone} (the clock jumped over it)` };
  return { instant: new Date(Math.min(...candidates)) };
}

function offsetsAround(zone: string, wall: number): [number, number] {
  const key = `${zone} ${Math.floor(wall / HOUR)}`;
  let offsets = offsetsByHour.get(key);
  if (!offsets) {
    const hour = Math.floor(wall / HOUR) * HOUR;
    // From the hour's start to its end, so that the pair holds for every second of the hour.
    offsets = [utcOffsetAt(zone, hour - DAY), utcOffsetAt(zone, hour + HOUR + DAY)];
    if (offsetsByHour.size >= CACHE_LIMIT) offsetsByHour.clear();
    offsetsByHour.set(key, offsets);
  }
  return offsets;
}
