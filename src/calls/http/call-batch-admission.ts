import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Admission } from '../../shared/concurrency/admission';

const CALL_BATCH_ROUTE = '/v1/calls/batch';

/**
 * Reads and records at most `concurrency` call batches (`POST /v1/calls/batch`) at once. The others
 * wait their turn before their bodies are read, so their bytes stay in the socket, not the heap.
 * A 10,000-call batch holds tens of MB of heap while it is judged and stored; without a bound, eight
 * at once exhausted a 112 MB old space and the process died (bench/README.md, issue 20). A batch's
 * place is freed when its response has gone or its connection closes. A client that goes away while
 * waiting gives up its place, and its request is dropped unread. Only a request that `mayRecord`
 * (the operator's key) takes a place: any other is refused (401, 403) as before, so a caller
 * without the key cannot hold the operator's batches back.
 */
export function admitCallBatchesInTurn(
  fastify: FastifyInstance,
  concurrency: number,
  mayRecord: (request: FastifyRequest) => boolean,
): void {
  const admission = new Admission(concurrency);
  fastify.addHook('onRequest', async (request, reply) => {
    if (request.method !== 'POST' || request.routeOptions.url !== CALL_BATCH_ROUTE) return;
    if (!mayRecord(request)) return;
    const { admitted, leave } = admission.enter();
    reply.raw.once('close', leave);
    if (await admitted) return;
    reply.hijack();
    request.raw.destroy();
  });
}
