import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { getStorageToken, ThrottlerException, type ThrottlerStorage } from '@nestjs/throttler';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppConfiguration } from '../../config';

const ONE_MINUTE_MS = 60_000;

/**
 * Sign-in attempts with an API key: PORTAL_LOGIN_ATTEMPTS_PER_MINUTE per client IP (0: no limit),
 * counted in the application's throttler storage; beyond it a 429 (the "too many attempts" page)
 * with Retry-After, until the minute is over.
 */
@Injectable()
export class LoginThrottleGuard implements CanActivate {
  constructor(
    @Inject(getStorageToken()) private readonly storage: ThrottlerStorage,
    private readonly config: AppConfiguration,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const limit = this.config.PORTAL_LOGIN_ATTEMPTS_PER_MINUTE;
    if (limit === 0) return true;
    const http = context.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const record = await this.storage.increment(
      `portal-login:${request.ip}`,
      ONE_MINUTE_MS,
      limit,
      ONE_MINUTE_MS,
      'portal-login',
    );
    if (!record.isBlocked) return true;
    void http.getResponse<FastifyReply>().header('Retry-After', String(record.timeToBlockExpire));
    throw new ThrottlerException();
  }
}
