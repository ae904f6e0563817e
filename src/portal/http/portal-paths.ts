/** Everything the portal serves lives under this path (pages, forms, the stylesheet). */
export const PORTAL_ROOT = '/portal';

/** True for `/portal` and anything under `/portal/` (the query string ignored). */
export function isPortalPath(url: string): boolean {
  const path = url.split('?', 1)[0];
  return path === PORTAL_ROOT || path.startsWith(`${PORTAL_ROOT}/`);
}

export const PORTAL_HOME = PORTAL_ROOT;
export const PORTAL_LOGIN = `${PORTAL_ROOT}/login`;
