import { AsyncLocalStorage } from 'node:async_hooks';
import { type Actor, SYSTEM_ACTOR } from '../domain/actor';

export { type Actor, type ActorKind, SYSTEM_ACTOR } from '../domain/actor';

/** What a request's work knows about the request: its `X-Request-Id` and its authenticated caller. */
export interface RequestScope {
  requestId: string | null;
  actor: Actor;
}

const storage = new AsyncLocalStorage<RequestScope>();

/**
 * The current request's scope, carried by the async context (set around each route handler), so
 * that the audit trail quotes the request id and caller without them being passed through every
 * use case. Outside a request (scheduled work, start-up) there is none: the system acts, with no
 * request id.
 */
export const RequestContext = {
  run<T>(scope: RequestScope, work: () => T): T {
    return storage.run(scope, work);
  },
  current(): RequestScope {
    return storage.getStore() ?? { requestId: null, actor: SYSTEM_ACTOR };
  },
};
