import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Admission } from '../../shared/concurrency/admission';

const CALL_BATCH_ROUTE = '/v1/calls/batch';

export interface CallBatchAdmissionOptions {
  /** Batches read and recorded at once (CALL_BATCH_CONCURRENCY). */
  concurrency: number;
  /** How long an admitted batch's body may take to arrive (CALL_BATCH_READ_TIMEOUT_MS). */
  readTimeoutMs: number;
  /** Whether the request may take a place: it bears the operator's key. */
  mayRecord: (request: FastifyRequest) => boolean;
}

/**
 * Reads and records at most `concurrency` call batches (`POST /v1/calls/batch`) at once. The others
 * wait their turn before their bodies are read, so their bytes stay in the socket, not the heap.
 * A 10,000-call batch holds tens of MB of heap while it is judged and stored; without a bound, eight
 * at once exhausted a 112 MB old space and the process died (bench/README.md, issue 20).
 *
 * A batch's place is freed when its response has gone or its connection closes. A client that goes
 * away while waiting gives up its place, and its request is dropped unread. An admitted batch whose
 * body has not arrived within `readTimeoutMs` has its connection closed, so a stalled client cannot
 * hold a place. Only a request that `mayRecord` takes a place: any other is refused (401, 403) as
 * before, so a caller without the operator's key cannot hold the operator's batches back.
 */
export function admitCallBatchesInTurn(fastify: FastifyInstance, options: CallBatchAdmissionOptions): void {
  const admission = new Admission(options.concurrency);
  fastify.addHook('onRequest', async (request, reply) => {
    if (request.method !== 'POST' || request.routeOptions.url !== CALL_BATCH_ROUTE) return;
    if (!options.mayRecord(request)) return;
    const { admitted, leave } = admission.enter();
    reply.raw.once('close', leave);
    if (!(await admitted)) {
      reply.hijack();
      request.raw.destroy();
      return;
    }
    const stalled = setTimeout(() => request.raw.destroy(), options.readTimeoutMs);
    request.raw.once('end', () => clearTimeout(stalled));
    reply.raw.once('close', () => clearTimeout(stalled));
  });
}
