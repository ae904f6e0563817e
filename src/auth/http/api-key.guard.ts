import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { UuidParamPipe } from '../../shared/http/uuid-param.pipe';
import { AuthenticateCallerQuery } from '../application/authenticate-caller.query';
import { CustomerNotVisibleError, OperatorKeyRequiredError } from '../domain/auth.errors';
import type { Caller } from '../domain/caller';
import { Access, ACCESS_METADATA } from './access.decorators';
import { rememberCaller } from './request-caller';

const UNDECLARED: Access = { kind: 'operator' };
// RFC 6750 b64token; anything else in the header is a wrong key, not a missing one.
const BEARER = /^Bearer +([A-Za-z0-9\-._~+/]+=*) *$/i;

/** The global guard: who is calling (401), and may they use this route (403) or see this customer (404)? */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly authenticate: AuthenticateCallerQuery,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const access =
      this.reflector.getAllAndOverride<Access | undefined>(ACCESS_METADATA, [
        context.getHandler(),
        context.getClass(),
      ]) ?? UNDECLARED;
    if (access.kind === 'public') return true;
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const presented = bearerTokenOf(request.headers.authorization);
    // The scraper is no caller: rate limits count it per client IP, as on the open routes.
    if (access.kind === 'metrics' && this.authenticate.isMetricsToken(presented)) return true;
    const caller = await this.authenticate.execute(presented);
    rememberCaller(request, caller);
    authorize(access, caller, request.params as Record<string, unknown>);
    return true;
  }
}

/**
 * The bearer token in an Authorization header: null when no key was sent; '' (never a valid key)
 * when the header is not a bearer token.
 */
export function bearerTokenOf(header: string | undefined): string | null {
  if (header === undefined || header.trim() === '') return null;
  return BEARER.exec(header)?.[1] ?? '';
}

function authorize(access: Access, caller: Caller, params: Record<string, unknown>): void {
  if (caller.kind === 'operator') return;
  if (access.kind === 'operator' || access.kind === 'metrics') throw new OperatorKeyRequiredError();
  if (access.kind === 'customer') {
    // Checked here rather than left to the route's pipe, so a customer key never reaches a handler
    // with an id it does not own (ids compare as the pipe normalises them: lower case).
    const raw = params[access.param];
    const customerId = new UuidParamPipe(access.param).transform(typeof raw === 'string' ? raw : '');
    if (customerId !== caller.customerId) throw new CustomerNotVisibleError(customerId);
  }
}
