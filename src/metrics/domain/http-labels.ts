/** The `route` of a request that matched no route (404, 405): one fixed value, never the raw path. */
export const UNMATCHED_ROUTE = 'unmatched';

const KNOWN_METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

/** The request method, or `OTHER`: a client cannot grow the label's values. */
export function methodLabel(method: string): string {
  return KNOWN_METHODS.has(method) ? method : 'OTHER';
}

/** The route template the router matched (`/v1/customers/:customerId/calls`), or `unmatched`. */
export function routeLabel(template: string | undefined): string {
  return template ?? UNMATCHED_ROUTE;
}
