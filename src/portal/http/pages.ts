import type { FastifyReply } from 'fastify';

/** What every page's layout shows: its title, and when signed in, the navigation and sign-out form. */
export interface PageFrame {
  title: string;
  brand: string;
  /** Set when signed in: the sign-out form's CSRF token. */
  signOutToken?: string;
  customerName?: string;
  nav?: 'overview' | 'calls' | 'invoices';
}

/** Renders a template and sends it as an HTML page nobody caches (it is someone's account). */
export async function sendPage(
  reply: FastifyReply,
  template: string,
  data: PageFrame & Record<string, unknown>,
  status = 200,
): Promise<void> {
  const html = await reply.viewAsync(template, data);
  await reply
    .status(status)
    .header('Content-Type', 'text/html; charset=utf-8')
    .header('Cache-Control', 'no-store')
    .send(html);
}
