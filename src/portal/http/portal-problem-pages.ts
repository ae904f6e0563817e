import { Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Problem } from '../../shared/http/problem';
import type { ProblemPages } from '../../shared/http/problem-pages';
import type { LinkRefusal } from '../domain/portal-link';
import { PortalLinkRefusedError, SignInRequiredError } from '../domain/portal.errors';
import { sendPage } from './pages';
import { isPortalPath, PORTAL_LOGIN } from './portal-paths';
import { portalCookie, SESSION_COOKIE } from './session-cookie';

interface Message {
  status: number;
  title: string;
  lines: string[];
  action: { href: string; label: string };
}

const SIGN_IN = { href: PORTAL_LOGIN, label: 'Sign in' };
const HOME = { href: '/portal', label: 'Go to your account' };

const LINK_REFUSALS: Record<LinkRefusal, Message> = {
  unknown: {
    status: 404,
    title: 'This sign-in link is not valid',
    lines: ['Check that you opened the whole link, or ask your provider for a new one.'],
    action: SIGN_IN,
  },
  used: {
    status: 410,
    title: 'This sign-in link has already been used',
    lines: ['Each link signs you in once. Ask your provider for a new link, or sign in with your API key.'],
    action: SIGN_IN,
  },
  expired: {
    status: 410,
    title: 'This sign-in link has expired',
    lines: [
      'Links work for a short time only. Ask your provider for a new link, or sign in with your API key.',
    ],
    action: SIGN_IN,
  },
  revoked: {
    status: 410,
    title: 'This sign-in link is no longer valid',
    lines: ['Your API key was changed after the link was made. Ask your provider for a new link.'],
    action: SIGN_IN,
  },
};

/**
 * The portal's errors as pages: a session that no longer counts goes to the sign-in page; a link
 * that starts nothing, a form whose CSRF token is wrong or missing, a page that does not exist
 * (another customer's invoice reads as one), too many sign-in attempts and anything unexpected are
 * HTML pages with the API's status codes. They never repeat what the request carried.
 */
export class PortalProblemPages implements ProblemPages {
  private readonly logger = new Logger('PortalProblemPages');

  constructor(private readonly settings: { brand: string; cookies: Parameters<typeof portalCookie>[0] }) {}

  covers(request: FastifyRequest): boolean {
    return isPortalPath(request.url);
  }

  async send(
    exception: unknown,
    request: FastifyRequest,
    reply: FastifyReply,
    problemOf: () => Problem,
  ): Promise<void> {
    try {
      if (exception instanceof SignInRequiredError) {
        await reply
          .clearCookie(SESSION_COOKIE, portalCookie(this.settings.cookies))
          .redirect(PORTAL_LOGIN, 303);
        return;
      }
      const message =
        exception instanceof PortalLinkRefusedError
          ? LINK_REFUSALS[exception.reason]
          : isCsrfRefusal(exception)
            ? FORM_EXPIRED
            : messageFor(problemOf(), request.id);
      await sendPage(reply, 'message', { ...message, brand: this.settings.brand }, message.status);
    } catch (error) {
      // A filter that fails would leave the request unanswered: answer in plain text instead.
      this.logger.error({ err: error, requestId: request.id }, 'Could not render an error page');
      if (!reply.sent)
        await reply.status(500).header('Content-Type', 'text/plain; charset=utf-8').send('Error');
    }
  }
}

const FORM_EXPIRED: Message = {
  status: 403,
  title: 'This form has expired',
  lines: [
    'For your security, forms work only on the page that showed them. Go back, reload the page and try again.',
  ],
  action: HOME,
};

/** @fastify/csrf-protection refuses with these codes (wrapped by Nest in a 403 HttpException). */
function isCsrfRefusal(exception: unknown): boolean {
  const cause = (exception as { cause?: { code?: unknown } } | null)?.cause;
  return typeof cause?.code === 'string' && cause.code.startsWith('FST_CSRF_');
}

function messageFor(problem: Problem, requestId: string): Message {
  switch (problem.status) {
    case 404:
    case 405:
      return {
        status: problem.status,
        title: 'Page not found',
        lines: ['There is nothing here. The page may have moved, or the address may be mistyped.'],
        action: HOME,
      };
    case 429:
      return {
        status: 429,
        title: 'Too many attempts',
        lines: ['Wait a minute, then try again.'],
        action: HOME,
      };
    default:
      if (problem.status < 500)
        return {
          status: problem.status,
          title: 'This request could not be read',
          lines: [problem.detail],
          action: HOME,
        };
      return {
        status: problem.status,
        title: 'Something went wrong on our side',
        lines: [`Please try again in a moment. If it happens again, quote reference ${requestId}.`],
        action: HOME,
      };
  }
}
