import { ExecutionContext, Injectable } from '@nestjs/common';
import { ThrottlerGuard, type ThrottlerModuleOptions } from '@nestjs/throttler';
import type { AppConfig } from '../../config';
import { callerOf } from './request-caller';

const ONE_MINUTE_MS = 60_000;

/**
 * Rate limits per API key (one bucket per key across all routes), after the ApiKeyGuard has told
 * who is calling. Requests without a key (public routes) count per client IP.
 */
@Injectable()
export class PerKeyThrottlerGuard extends ThrottlerGuard {
  protected override async getTracker(request: Record<string, unknown>): Promise<string> {
    const caller = callerOf(request);
    if (caller?.kind === 'operator') return 'operator';
    if (caller?.kind === 'customer') return `customer:${caller.customerId}`;
    return `ip:${await super.getTracker(request)}`;
  }

  protected override generateKey(_context: ExecutionContext, tracker: string, throttler: string): string {
    return `${throttler}:${tracker}`;
  }
}

/** RATE_LIMIT_PER_MINUTE for customer keys and anonymous clients, OPERATOR_RATE_LIMIT_PER_MINUTE for the operator; 0 = no limit. */
export function throttlerOptions(
  config: Pick<AppConfig, 'RATE_LIMIT_PER_MINUTE' | 'OPERATOR_RATE_LIMIT_PER_MINUTE'>,
): ThrottlerModuleOptions {
  const limitOf = (context: ExecutionContext): number =>
    callerOf(context.switchToHttp().getRequest<object>())?.kind === 'operator'
      ? config.OPERATOR_RATE_LIMIT_PER_MINUTE
      : config.RATE_LIMIT_PER_MINUTE;
  return {
    throttlers: [{ name: 'default', ttl: ONE_MINUTE_MS, limit: limitOf }],
    skipIf: (context) => limitOf(context) === 0,
    errorMessage: 'Too many requests for this API key; retry after the number of seconds in Retry-After.',
  };
}
