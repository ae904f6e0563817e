import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { Observable } from 'rxjs';
import { type Actor, RequestContext } from '../../shared/request-context/request-context';
import type { Caller } from '../domain/caller';
import { callerOf } from './request-caller';

/**
 * Runs each route handler inside its request's scope (request id and caller as the audit trail's
 * actor). An interceptor, because it runs after the guards have authenticated the caller, and its
 * handler runs, promises and all, inside `RequestContext.run`. Routes without a key (the portal's
 * pages) act as the system unless their use case names the actor.
 */
@Injectable()
export class RequestScopeInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const scope = { requestId: request.id, actor: actorOf(callerOf(request)) };
    return new Observable((subscriber) =>
      RequestContext.run(scope, () => next.handle().subscribe(subscriber)),
    );
  }
}

function actorOf(caller: Caller | undefined): Actor {
  if (!caller) return { kind: 'system', id: null };
  return caller.kind === 'operator'
    ? { kind: 'operator', id: null }
    : { kind: 'customer', id: caller.customerId };
}
