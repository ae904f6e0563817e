/** What a call's row in the annex says about its length. */
export interface CallLength {
  /** Whole minutes billed. */
  minutes: number;
  /** Seconds the billing increment turned the call into, when the call records them. */
  billedSeconds?: number | null;
}

/**
 * The billed duration as a phone bill prints it: "m:ss" when the call records billed seconds
 * ("1:01", "62:05"), else its whole minutes ("3 min").
 */
export function billedDuration(call: CallLength): string {
  if (call.billedSeconds === undefined || call.billedSeconds === null) return `${call.minutes} min`;
  const minutes = Math.floor(call.billedSeconds / 60);
  const seconds = call.billedSeconds % 60;
  return `${minutes}:${String(seconds).padStart(2, '0')}`;
}
