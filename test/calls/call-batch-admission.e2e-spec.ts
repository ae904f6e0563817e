import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { aCall, aCustomer, CreatedCustomer } from '../support/mothers';
import { OPERATOR_KEY, startTestApp, TestApp } from '../support/test-app';

/** A batch request over a real socket whose body is sent in two halves, the second when the test says. */
interface HeldBatch {
  sendRest: () => void;
  abort: () => void;
  /** Resolves with the status once answered; rejects if the connection is closed first. */
  answered: Promise<number>;
  isAnswered: () => boolean;
}

/** Long enough for a one-call batch to be answered many times over when nothing holds it back. */
const ANSWER_TIME_MS = 500;
/** For a batch opened first to reach the service and take its place before the next is opened. */
const TO_TAKE_ITS_PLACE_MS = 100;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Longer than the holds below, short enough to wait for. */
const READ_TIMEOUT_MS = 1_500;

describe('Call batches read in turn (CALL_BATCH_CONCURRENCY)', () => {
  let service: TestApp;
  let customer: CreatedCustomer;
  let port: number;

  beforeAll(async () => {
    service = await startTestApp({
      env: { CALL_BATCH_CONCURRENCY: '1', CALL_BATCH_READ_TIMEOUT_MS: String(READ_TIMEOUT_MS) },
    });
    customer = await aCustomer(service);
    await service.app.listen(0, '127.0.0.1');
    port = (service.app.getHttpServer().address() as AddressInfo).port;
  });
  // A batch a failed assertion left half-sent would hold the service open at close.
  const opened: HeldBatch[] = [];
  afterEach(() => opened.splice(0).forEach((batch) => batch.abort()));
  afterAll(() => service.close());

  function aBatch(callIds: string[], apiKey = OPERATOR_KEY): HeldBatch {
    const body = Buffer.from(
      JSON.stringify({
        calls: callIds.map((callId) => aCall({ phoneNumber: customer.phoneNumber, callId })),
      }),
    );
    let answered = false;
    const request = httpRequest({
      host: '127.0.0.1',
      port,
      method: 'POST',
      path: '/v1/calls/batch',
      agent: false,
      headers: {
        Authorization: `Bearer ${apiKey}`,
        'Content-Type': 'application/json',
        'Content-Length': body.length,
      },
    });
    const answer = new Promise<number>((resolve, reject) => {
      request.once('response', (response) => {
        response.resume();
        response.once('end', () => {
          answered = true;
          resolve(response.statusCode ?? 0);
        });
      });
      request.once('error', reject);
    });
    answer.catch(() => undefined); // an aborted batch's rejection is expected
    request.write(body.subarray(0, body.length >> 1));
    const batch: HeldBatch = {
      sendRest: () => request.end(body.subarray(body.length >> 1)),
      abort: () => request.destroy(),
      answered: answer,
      isAnswered: () => answered,
    };
    opened.push(batch);
    return batch;
  }

  /** A batch opened first, given the time to reach the service and take its place before the next. */
  async function aBatchInItsPlace(callIds: string[]): Promise<HeldBatch> {
    const batch = aBatch(callIds);
    await pause(TO_TAKE_ITS_PLACE_MS);
    return batch;
  }

  const stored = async (callIds: string[]) =>
    (await service.sql<{ call_id: string }>('SELECT call_id FROM calls WHERE call_id = ANY($1)', [callIds]))
      .map((row) => row.call_id)
      .sort();

  it('reads a batch only once the batch before it is answered, and records both', async () => {
    const first = await aBatchInItsPlace(['turn-1']);
    const second = aBatch(['turn-2']);
    second.sendRest();
    await pause(ANSWER_TIME_MS);
    expect({ first: first.isAnswered(), second: second.isAnswered() }).toEqual({
      first: false,
      second: false,
    });

    first.sendRest();
    await expect(Promise.all([first.answered, second.answered])).resolves.toEqual([200, 200]);
    expect(await stored(['turn-1', 'turn-2'])).toEqual(['turn-1', 'turn-2']);
  });

  it('frees the place of a batch whose client goes away mid-body, and of one that gave up waiting', async () => {
    const cutOff = await aBatchInItsPlace(['cut-off']);
    const gaveUp = aBatch(['gave-up']);
    gaveUp.sendRest();
    await pause(ANSWER_TIME_MS);
    gaveUp.abort();
    cutOff.abort();

    const next = aBatch(['after-both']);
    next.sendRest();
    await expect(next.answered).resolves.toBe(200);
    expect(await stored(['cut-off', 'gave-up', 'after-both'])).toEqual(['after-both']);
  });

  it('refuses a batch without the operator key at once, rather than queueing it behind the operator', async () => {
    const held = await aBatchInItsPlace(['held-for-stranger']);
    const stranger = aBatch(['stranger'], 'not-the-operator-key');
    stranger.sendRest();
    await expect(stranger.answered).resolves.toBe(401);
    expect(held.isAnswered()).toBe(false);
    held.sendRest();
    await expect(held.answered).resolves.toBe(200);
    expect(await stored(['held-for-stranger', 'stranger'])).toEqual(['held-for-stranger']);
  });

  it('closes an admitted batch whose body stalls past CALL_BATCH_READ_TIMEOUT_MS, and reads the next', async () => {
    const stalled = await aBatchInItsPlace(['stalled']);
    const next = aBatch(['after-stall']);
    next.sendRest();
    await expect(stalled.answered).rejects.toThrow();
    await expect(next.answered).resolves.toBe(200);
    expect(await stored(['stalled', 'after-stall'])).toEqual(['after-stall']);
  });
});
