import { CanActivate, createParamDecorator, ExecutionContext, Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { CurrentSessionQuery } from '../application/current-session.query';
import type { PortalSession } from '../domain/portal-session';
import { SESSION_COOKIE } from './session-cookie';

const SESSION = Symbol('portal session');
type WithSession = FastifyRequest & { [SESSION]?: PortalSession };

/**
 * The pages' guard: the session the cookie names, if it still counts, is the request's; otherwise
 * a SignInRequiredError (the problem pages send the browser to the sign-in page).
 */
@Injectable()
export class SignedInGuard implements CanActivate {
  constructor(private readonly currentSession: CurrentSessionQuery) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<WithSession>();
    request[SESSION] = await this.currentSession.execute(request.cookies[SESSION_COOKIE]);
    return true;
  }
}

/** The session `SignedInGuard` found for this request. */
export const CurrentSession = createParamDecorator(
  (_data: unknown, context: ExecutionContext): PortalSession => {
    const session = context.switchToHttp().getRequest<WithSession>()[SESSION];
    if (!session) throw new Error('CurrentSession needs SignedInGuard on the route');
    return session;
  },
);
