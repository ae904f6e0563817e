// npm run bench:invoice-pdf [-- --calls 10000 --runs 5 --out invoice.pdf]
//
// The invoice PDF of one customer whose invoice billed N calls (default 10,000), rendered by the
// service's own RenderInvoicePdfQuery as GET /v1/invoices/{id}/pdf does: reading the invoice, the
// customer and the calls from PostgreSQL (keyset pages) and writing the PDF. Prints the time of
// each render and the memory it took beyond what the process held before it.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { freePort, startDatabase } from './lib/postgres.mjs';
import { ROOT } from './lib/paths.mjs';

const require = createRequire(import.meta.url);
const { values: args } = parseArgs({
  options: {
    calls: { type: 'string', default: '10000' },
    runs: { type: 'string', default: '5' },
    out: { type: 'string' },
  },
});
const CALLS = Number(args.calls);
const RUNS = Number(args.runs);
const KEY = 'bench-operator-key-0123456789';

require('reflect-metadata');
const { createApp } = require(join(ROOT, 'dist/src/app.factory.js'));
const { loadConfig } = require(join(ROOT, 'dist/src/config/index.js'));
const { RenderInvoicePdfQuery } = require(join(ROOT, 'dist/src/invoice-delivery/index.js'));
const { migrateOnStart } = require(join(ROOT, 'dist/src/shared/database/migrate-on-start.js'));

const workDir = mkdtempSync(join(tmpdir(), 'phone-billing-pdf-bench-'));
const database = await startDatabase(join(workDir, 'pg'), await freePort());
let app;
try {
  const config = loadConfig({
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    OPERATOR_API_KEY: KEY,
    DATABASE_URL: database.url,
    INVOICING_SCHEDULER: 'false',
    DELIVERY_DISPATCHER: 'false',
    RATE_LIMIT_PER_MINUTE: '0',
    INVOICE_ISSUER_NAME: 'Acme Telecom',
    INVOICE_ISSUER_ADDRESS: 'Avenida da Liberdade 1|1250-096 Lisboa|Portugal',
    INVOICE_ISSUER_TAX_ID: 'PT 509 999 999',
    INVOICE_ISSUER_CONTACT: 'support@acme.test',
  });
  await migrateOnStart(database.url);
  app = await createApp({ config, databaseUrl: database.url });
  const invoiceId = await seedInvoice(app.getHttpAdapter().getInstance());
  const render = app.get(RenderInvoicePdfQuery);

  const warm = await render.execute(invoiceId); // fonts read, code warmed
  if (args.out) writeFileSync(args.out, warm.content);
  const runs = [];
  for (let run = 0; run < RUNS; run++) runs.push(await measured(() => render.execute(invoiceId)));
  const ms = runs.map((r) => r.ms).sort((a, b) => a - b);
  const pages = (warm.content.toString('latin1').match(/\/Type \/Page\b/g) ?? []).length;
  console.log(
    `invoice PDF: ${CALLS} calls, ${pages} pages, ${warm.content.length} bytes; node ${process.version}; load ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
  console.table(
    runs.map((r) => ({
      ms: r.ms.toFixed(0),
      'CPU ms': r.cpuMs.toFixed(0),
      'RSS +MB': r.rssMb.toFixed(1),
      'heap +MB': r.heapMb.toFixed(1),
    })),
  );
  console.log(
    `median ${ms[Math.floor(ms.length / 2)].toFixed(0)} ms, max ${ms[ms.length - 1].toFixed(0)} ms; ` +
      `peak RSS +${Math.max(...runs.map((r) => r.rssMb)).toFixed(1)} MB, ` +
      `peak heap +${Math.max(...runs.map((r) => r.heapMb)).toFixed(1)} MB`,
  );
} finally {
  await app?.close();
  await database.stop();
  rmSync(workDir, { recursive: true, force: true });
}

/** One customer, CALLS calls last month (one batch per 10,000), its invoice issued. */
async function seedInvoice(fastify) {
  const inject = async (method, url, payload) => {
    const response = await fastify.inject({
      method,
      url,
      payload,
      headers: { authorization: `Bearer ${KEY}` },
    });
    if (response.statusCode >= 300)
      throw new Error(`${method} ${url}: ${response.statusCode} ${response.body}`);
    return response.json();
  };
  const now = new Date();
  const start = Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1);
  const period = new Date(start).toISOString().slice(0, 7);
  const customer = await inject('POST', '/v1/customers', {
    name: 'Ελένη Παπαδοπούλου',
    timezone: 'Europe/Lisbon',
    phoneNumbers: ['+351912345678', '+351912345679'],
    billingAddress: { line1: 'Rua Augusta 100', city: 'Lisboa', postalCode: '1100-053', country: 'PT' },
  });
  const spacing = Math.floor((27 * 24 * 3600 * 1000) / CALLS);
  for (let first = 0; first < CALLS; first += 10000) {
    const calls = [];
    for (let index = first; index < Math.min(CALLS, first + 10000); index++) {
      calls.push({
        callId: `bench-pdf-${index}`,
        phoneNumber: index % 3 === 0 ? '+351912345679' : '+351912345678',
        destination: `+1415555${String(index % 10000).padStart(4, '0')}`,
        startedAt: new Date(start + 3600_000 + index * spacing).toISOString(),
        minutes: 1 + (index % 7),
      });
    }
    const answer = await inject('POST', '/v1/calls/batch', { calls });
    if (answer.accepted !== calls.length) throw new Error(`seeding: ${JSON.stringify(answer).slice(0, 300)}`);
  }
  return (await inject('POST', `/v1/customers/${customer.id}/invoices`, { period })).id;
}

/** Wall time, and the peak RSS and heap above what the process held just before (sampled every 5 ms). */
async function measured(work) {
  globalThis.gc?.();
  const before = process.memoryUsage();
  let rss = before.rss;
  let heap = before.heapUsed;
  const sampler = setInterval(() => {
    const now = process.memoryUsage();
    rss = Math.max(rss, now.rss);
    heap = Math.max(heap, now.heapUsed);
  }, 5);
  const started = process.hrtime.bigint();
  const cpuBefore = process.cpuUsage();
  await work();
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  const cpu = process.cpuUsage(cpuBefore);
  clearInterval(sampler);
  const after = process.memoryUsage();
  rss = Math.max(rss, after.rss);
  heap = Math.max(heap, after.heapUsed);
  return {
    ms,
    cpuMs: (cpu.user + cpu.system) / 1000,
    rssMb: (rss - before.rss) / 2 ** 20,
    heapMb: (heap - before.heapUsed) / 2 ** 20,
  };
}
