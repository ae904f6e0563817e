import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Caller } from '../domain/caller';

/** The authenticated caller of each request, set by the ApiKeyGuard. */
const callers = new WeakMap<object, Caller>();

export function rememberCaller(request: object, caller: Caller): void {
  callers.set(request, caller);
}

export function callerOf(request: object): Caller | undefined {
  return callers.get(request);
}

/** The route handler's caller; only on routes that take a key. */
export const CurrentCaller = createParamDecorator((_data: unknown, context: ExecutionContext): Caller => {
  const caller = callerOf(context.switchToHttp().getRequest<object>());
  if (!caller) throw new Error('CurrentCaller used on a route without an API key');
  return caller;
});
