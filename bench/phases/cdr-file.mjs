// Phase "cdr": a generated Asterisk Master.csv of N answered calls (written to a temp file, never
// held in memory), streamed to POST /v1/cdr-files over HTTP as an operator would send it; then
// COPY of the very rows it stored into a table with everything `calls` has (lib/copy-limit.mjs).
// The service's peak RSS is the phase's (monitor).
import { createReadStream, createWriteStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import http from 'node:http';
import { join } from 'node:path';
import { once } from 'node:events';
import { callFactory } from '../lib/calls.mjs';
import { CALLS_LIKE_TABLE, storedRowsInFiles, timedCopy } from '../lib/copy-limit.mjs';

const COPY_CHUNK = 10_000;

export async function cdrFileImport(ctx, { rows, workDir }) {
  const { service, apiKey, pool, monitor } = ctx;
  const source = `bench-${ctx.runTag}`;
  const file = join(workDir, 'Master.csv');
  await writeAsteriskFile(ctx, file, rows);
  const bytes = (await stat(file)).size;

  await pool.query('CHECKPOINT');
  monitor.begin('cdr');
  const started = performance.now();
  const answer = await upload(
    service.baseUrl,
    apiKey,
    `/v1/cdr-files?format=asterisk&source=${source}`,
    file,
    bytes,
  );
  const seconds = (performance.now() - started) / 1000;
  monitor.end();
  if (answer.status !== 201)
    throw new Error(`POST /v1/cdr-files answered ${answer.status}: ${answer.text.slice(0, 300)}`);
  const imported = JSON.parse(answer.text);
  if (imported.records !== rows || imported.recorded !== rows)
    throw new Error(`CDR import not fully recorded: ${answer.text.slice(0, 300)}`);
  const { rows: counted } = await pool.query('SELECT count(*)::int AS n FROM calls WHERE call_id LIKE $1', [
    `${source}:%`,
  ]);
  if (counted[0].n !== rows) throw new Error(`CDR import stored ${counted[0].n} of ${rows} calls`);

  // The same limit as the batch phase: the stored rows, COPYed 2 chunks at a time from the server's files.
  const copy = await timedCopy(ctx, {
    phase: 'cdr:copyIndexed',
    table: 'bench_copy_cdr',
    definition: CALLS_LIKE_TABLE,
    files: await storedRowsInFiles(ctx, `${source}:`, COPY_CHUNK),
    concurrency: 2,
  });
  const callsPerSecond = rows / seconds;
  return {
    rows,
    megabytes: bytes / 1024 ** 2,
    seconds,
    callsPerSecond,
    copyIndexed: copy,
    ratioVsIndexed: callsPerSecond / copy.rowsPerSecond,
  };
}

/** N answered calls of the API's customers, this month, in the switch's UTC clock, one uniqueid each. */
async function writeAsteriskFile(ctx, file, rows) {
  const makeCall = callFactory(ctx);
  const out = createWriteStream(file);
  for (let n = 0; n < rows; n++) {
    const { record } = makeCall(`x${n}`);
    const answer = record.startedAt.slice(0, 19).replace('T', ' ');
    const billsec = record.minutes * 60 - (n % 59);
    const line =
      `"","${record.phoneNumber}","${record.destination}","from-internal","""Bench"" <100>","SIP/100-${n}",` +
      `"SIP/trunk-${n}","Dial","SIP/trunk/${record.destination},60","${answer}","${answer}","${answer}",` +
      `${billsec + 5},${billsec},"ANSWERED","DOCUMENTATION","${ctx.runTag}.${n}",""\n`;
    if (!out.write(line)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

function upload(baseUrl, apiKey, path, file, bytes) {
  return new Promise((resolve, reject) => {
    const req = http.request(
      new URL(path, baseUrl),
      {
        method: 'POST',
        headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'text/csv', 'content-length': bytes },
      },
      (res) => {
        const chunks = [];
        res.on('data', (chunk) => chunks.push(chunk));
        res.on('error', reject);
        res.on('end', () =>
          resolve({ status: res.statusCode, text: Buffer.concat(chunks).toString('utf8') }),
        );
      },
    );
    req.on('error', reject);
    createReadStream(file).on('error', reject).pipe(req);
  });
}
