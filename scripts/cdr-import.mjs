// `npm run cdr:import -- --format asterisk --source sw1 [--timezone Europe/Lisbon] [--country PT] FILE`
// Streams a switch's CDR file to the running service's POST /v1/cdr-files (never read whole into
// memory) and prints the import. PHONE_BILLING_URL (default http://localhost:3000) and
// OPERATOR_API_KEY come from the environment. Exit code 0 when imported (201) or imported before
// (200), 1 with the problem on stderr otherwise, 2 on a usage error.
import { createReadStream } from 'node:fs';
import { resolve } from 'node:path';
import { stat } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { parseArgs } from 'node:util';

const USAGE =
  'usage: npm run cdr:import -- --format asterisk|freeswitch|csv --source <switch> [--timezone <IANA zone>] [--country <ISO code>] FILE';

function fail(message, code) {
  process.stderr.write(`${message}\n`);
  process.exit(code);
}

let parsed;
try {
  parsed = parseArgs({
    allowPositionals: true,
    options: {
      format: { type: 'string' },
      source: { type: 'string' },
      timezone: { type: 'string' },
      country: { type: 'string' },
    },
  });
} catch (error) {
  fail(`${error.message}\n${USAGE}`, 2);
}
const { values, positionals } = parsed;
if (!values.format || !values.source || positionals.length !== 1) fail(USAGE, 2);
const key = process.env.OPERATOR_API_KEY;
if (!key) fail('OPERATOR_API_KEY must be set to the operator key of the service', 2);

// npm runs scripts from the project folder; a relative path means the folder the operator typed it in.
const file = resolve(process.env.INIT_CWD ?? process.cwd(), positionals[0]);
const size = (await stat(file).catch((error) => fail(`cannot read ${file}: ${error.message}`, 2))).size;
const url = new URL('/v1/cdr-files', process.env.PHONE_BILLING_URL ?? 'http://localhost:3000');
for (const name of ['format', 'source', 'timezone', 'country'])
  if (values[name] !== undefined) url.searchParams.set(name, values[name]);

const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
const upload = send(url, {
  method: 'POST',
  headers: { 'Content-Type': 'text/csv', 'Content-Length': size, Authorization: `Bearer ${key}` },
});
upload.on('response', (response) => {
  let body = '';
  response.setEncoding('utf8');
  response.on('data', (chunk) => (body += chunk));
  response.on('end', () => {
    const ok = response.statusCode === 201 || response.statusCode === 200;
    let shown = body;
    try {
      shown = JSON.stringify(JSON.parse(body), null, 2);
    } catch {
      // not JSON: shown as it came
    }
    if (!ok) fail(`HTTP ${response.statusCode}\n${shown}`, 1);
    if (response.statusCode === 200)
      process.stderr.write('This file was imported before: the first import.\n');
    process.stdout.write(`${shown}\n`);
  });
});
upload.on('error', (error) => fail(`cannot reach ${url.origin}: ${error.message}`, 1));
createReadStream(file)
  .on('error', (error) => fail(`cannot read ${file}: ${error.message}`, 2))
  .pipe(upload);
