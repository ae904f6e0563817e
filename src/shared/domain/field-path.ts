const PLAIN_NAME = /^[A-Za-z_$][\w$]*$/;

/**
 * The path of a field inside a request, as problem details name it: `calls[3].destination`.
 * A name that is not a plain identifier is quoted, so an empty or odd key stays visible: `[""]`,
 * `meta["a b"]`.
 */
export function fieldPath(parent: string, key: string | number): string {
  if (typeof key === 'number') return `${parent}[${key}]`;
  if (PLAIN_NAME.test(key)) return parent ? `${parent}.${key}` : key;
  return `${parent}[${JSON.stringify(key)}]`;
}
