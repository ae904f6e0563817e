import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedWebhook {
  headers: IncomingHttpHeaders;
  body: string;
  /** The status the receiver answered. */
  status: number;
}

export interface WebhookReceiver {
  /** INVOICE_WEBHOOK_URL for the service. */
  url: string;
  received: ReceivedWebhook[];
  /** The status for the n-th request (0-based); 204 unless told otherwise. */
  answer: (statusFor: (index: number) => number) => void;
  /** Hold every answer this long (widens race windows). */
  delay: (ms: number) => void;
  close: () => Promise<void>;
}

/** A real HTTP receiver on 127.0.0.1 (node:http) that keeps every request it gets. */
export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const received: ReceivedWebhook[] = [];
  let statusFor = (_index: number) => 204;
  let delayMs = 0;
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const status = statusFor(received.length);
      received.push({ headers: request.headers, body: Buffer.concat(chunks).toString('utf8'), status });
      setTimeout(() => {
        response.statusCode = status;
        response.end();
      }, delayMs);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks/invoices`,
    received,
    answer: (next) => {
      statusFor = next;
    },
    delay: (ms) => {
      delayMs = ms;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
