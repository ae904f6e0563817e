import { createHash } from 'node:crypto';

/** API.md "Calls": a callId is 1..128 characters of `A-Z a-z 0-9 . _ : -`. */
const CALL_ID = /^[A-Za-z0-9._:-]{1,128}$/;
/** A switch's name: short enough that `<source>:` + a 64-digit hash is still a callId. */
export const SOURCE_PATTERN = /^[A-Za-z0-9._-]{1,48}$/;

/**
 * A record's callId: `<source>:<uniqueid or uuid>`, or, where the switch wrote none,
 * `<source>:` + the SHA-256 of the row's fields (not of its bytes: the line ending, CRLF or LF, and
 * the quoting do not count), so a record posted twice is recorded once. Null when the switch's id
 * cannot be part of a callId.
 */
export function rowCallId(source: string, switchId: string, fields: string[]): string | null {
  const id = switchId.trim();
  if (id !== '') {
    const callId = `${source}:${id}`;
    return CALL_ID.test(callId) ? callId : null;
  }
  return `${source}:${createHash('sha256').update(JSON.stringify(fields)).digest('hex')}`;
}
