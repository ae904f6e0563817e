/** Longest piece of client input an error message repeats. */
export const MAX_ECHO_LENGTH = 64;

/**
 * A client's value as an error message repeats it: strings JSON-quoted (so blanks, NUL and lone
 * surrogates show as escapes), anything longer than MAX_ECHO_LENGTH cut with "…", so a message never
 * reflects a megabyte back.
 */
export function quoted(raw: unknown): string {
  if (typeof raw !== 'string') return String(raw).slice(0, MAX_ECHO_LENGTH);
  return JSON.stringify(raw.length > MAX_ECHO_LENGTH ? `${raw.slice(0, MAX_ECHO_LENGTH)}…` : raw);
}
