import { quoted } from './quoted';

const PLAIN_NAME = /^[A-Za-z_$][\w$]{0,63}$/;

/**
 * The path of a field inside a request, as problem details name it: `calls[3].destination`.
 * A name that is not a short plain identifier is quoted (and cut when long), so an empty or odd key
 * stays visible and safe to repeat: `[""]`, `meta["a b"]`.
 */
export function fieldPath(parent: string, key: string | number): string {
  if (typeof key === 'number') return `${parent}[${key}]`;
  if (PLAIN_NAME.test(key)) return parent ? `${parent}.${key}` : key;
  return `${parent}[${quoted(key)}]`;
}
