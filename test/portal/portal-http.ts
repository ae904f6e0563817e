import type { Response } from 'supertest';
import type { TestApp } from '../support/test-app';

/** Cookies as a browser holds them, by name; sent back by hand (supertest's jar drops Secure cookies over http). */
export type Jar = Record<string, string>;

export interface SetCookie {
  name: string;
  value: string;
  attributes: string[];
}

/** The Set-Cookie headers of a response, parsed. */
export function setCookies(response: Response): SetCookie[] {
  const raw = response.headers['set-cookie'] as unknown as string[] | undefined;
  return (raw ?? []).map((header) => {
    const [pair, ...attributes] = header.split(';').map((part) => part.trim());
    const at = pair.indexOf('=');
    return { name: pair.slice(0, at), value: decodeURIComponent(pair.slice(at + 1)), attributes };
  });
}

/** The jar after a response: set cookies added, cleared ones (empty or expired) removed. */
export function updated(jar: Jar, response: Response): Jar {
  const next = { ...jar };
  for (const cookie of setCookies(response)) {
    const cleared =
      cookie.value === '' || cookie.attributes.some((a) => /^Expires=Thu, 01 Jan 1970/i.test(a));
    if (cleared) delete next[cookie.name];
    else next[cookie.name] = cookie.value;
  }
  return next;
}

export const cookieHeader = (jar: Jar) =>
  Object.entries(jar)
    .map(([name, value]) => `${name}=${encodeURIComponent(value)}`)
    .join('; ');

export function get(service: TestApp, path: string, jar: Jar = {}) {
  return service.anonymous().get(path).set('Cookie', cookieHeader(jar));
}

/** The path and query of a portal link (`http://localhost:<port>/portal/enter?token=...`). */
export const pathOf = (url: string) => {
  const parsed = new URL(url);
  return `${parsed.pathname}${parsed.search}`;
};

export async function portalLink(
  service: TestApp,
  customerId: string,
): Promise<{ url: string; expiresAt: string }> {
  const response = await service.http().post(`/v1/customers/${customerId}/portal-sessions`).expect(201);
  return response.body as { url: string; expiresAt: string };
}

/** Opens an operator's link and returns the signed-in jar. */
export async function enterWith(service: TestApp, url: string): Promise<Jar> {
  const response = await get(service, pathOf(url)).expect(303);
  expect(response.headers.location).toBe('/portal');
  return updated({}, response);
}

/** The CSRF token in a page's forms. */
export function csrfTokenIn(html: string): string {
  const token = /name="_csrf" value="([^"]+)"/.exec(html)?.[1];
  if (!token) throw new Error('no CSRF token in the page');
  return token;
}

/** The sign-in form as a browser gets it: its jar (the CSRF secret's cookie) and token. */
export async function loginForm(service: TestApp, jar: Jar = {}): Promise<{ jar: Jar; token: string }> {
  const page = await get(service, '/portal/login', jar).expect(200);
  return { jar: updated(jar, page), token: csrfTokenIn(page.text) };
}

export function postForm(service: TestApp, path: string, jar: Jar, fields: Record<string, string>) {
  return service.anonymous().post(path).set('Cookie', cookieHeader(jar)).type('form').send(fields);
}

export async function signInWithKey(service: TestApp, apiKey: string): Promise<Jar> {
  const form = await loginForm(service);
  const response = await postForm(service, '/portal/login', form.jar, { _csrf: form.token, apiKey }).expect(
    303,
  );
  expect(response.headers.location).toBe('/portal');
  return updated(form.jar, response);
}
