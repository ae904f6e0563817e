// Seeding: a few customers through the API (the path a real operator takes), the bulk by SQL
// (INSERT ... SELECT generate_series), with rows the service itself would have written.
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { expectStatus, request } from './http.mjs';

const NUMBER_BASE = 10_000_000;

/** Line `i`: a Portuguese mobile, +3519 followed by 8 digits (valid for i < 60,000,000). */
export function lineNumber(i) {
  return `+3519${NUMBER_BASE + i}`;
}

/** Fails fast if the numbering scheme ever produces numbers libphonenumber does not accept. */
export function checkLineNumbers(last) {
  const sample = [0, 1, Math.floor(last / 3), Math.floor(last / 2), last - 1, last];
  for (const i of sample) {
    const number = lineNumber(i);
    const parsed = parsePhoneNumberFromString(number);
    if (!parsed?.isValid() || parsed.number !== number)
      throw new Error(`${number} is not a valid line number`);
  }
}

// Every bench customer is in UTC, where a billing period is exactly the UTC calendar month, so
// month arithmetic in UTC gives the same bounds as the service's BillingPeriod.
export function utcMonthStart(date, offsetMonths = 0) {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + offsetMonths, 1));
}

export function periodCode(date) {
  return date.toISOString().slice(0, 7);
}

/** Customers through POST /v1/customers, `concurrency` at a time; one line each. */
export async function seedCustomersThroughApi(service, apiKey, { count, concurrency = 8 }) {
  const customers = new Array(count);
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) {
        const i = next++;
        const body = { name: `API customer ${i}`, timezone: 'UTC', phoneNumbers: [lineNumber(i)] };
        const response = await request(service.baseUrl, 'POST', '/v1/customers', { body, apiKey });
        const created = expectStatus(response, 201, 'POST /v1/customers');
        customers[i] = { id: created.id, number: lineNumber(i) };
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  return { customers, perSecond: count / seconds, seconds };
}

/**
 * `count` postpaid UTC customers with one line each, lines `firstLine`.. on; `bench_customer_index`
 * maps 1..count to them so call seeding can pick a customer by number.
 */
export async function seedCustomersBySql(pool, { count, firstLine, createdFrom }) {
  await pool.query(`
    CREATE TABLE bench_customer_index (idx integer PRIMARY KEY, customer_id uuid NOT NULL, number text NOT NULL)`);
  await pool.query(
    `INSERT INTO bench_customer_index
     SELECT g, gen_random_uuid(), '+3519' || ($2::bigint + g - 1) FROM generate_series(1, $1::integer) g`,
    [count, NUMBER_BASE + firstLine],
  );
  await pool.query(
    `INSERT INTO customers (id, name, email, timezone, plan_history, created_at)
     SELECT customer_id, 'Bench customer ' || idx, NULL, 'UTC', '[{"plan":"postpaid","from":null}]'::jsonb,
            $1::timestamptz + idx * interval '1 second'
     FROM bench_customer_index ORDER BY idx`,
    [createdFrom],
  );
  await pool.query(
    `INSERT INTO phone_numbers (number, customer_id, added_at)
     SELECT number, customer_id, $1::timestamptz + idx * interval '1 second' FROM bench_customer_index ORDER BY idx`,
    [createdFrom],
  );
}

/**
 * Runs `load` with the calls table's indexes and constraints dropped, then puts back exactly what
 * was there (definitions read from the catalog, so new migrations are followed), as a bulk load
 * would: millions of rows go in several times faster than through live indexes. A freshly built
 * index is a little denser than one grown row by row; the history figure is read with that in mind.
 * If something cannot be dropped (another table's foreign key on calls), it loads through the indexes.
 */
export async function withoutCallsIndexes(pool, load) {
  const { constraints, indexes } = await callsSchema(pool);
  const client = await pool.connect();
  let dropped = false;
  try {
    await client.query('BEGIN');
    for (const index of indexes) await client.query(`DROP INDEX ${quote(index.name)}`);
    for (const constraint of constraints) {
      await client.query(`ALTER TABLE calls DROP CONSTRAINT ${quote(constraint.name)}`);
    }
    await client.query('COMMIT');
    dropped = true;
  } catch {
    await client.query('ROLLBACK');
  } finally {
    client.release();
  }
  await load();
  if (!dropped) return { rebuilt: false };
  const started = performance.now();
  for (const constraint of [...constraints].reverse()) {
    await pool.query(`ALTER TABLE calls ADD CONSTRAINT ${quote(constraint.name)} ${constraint.definition}`);
  }
  for (const index of indexes) await pool.query(index.definition);
  const rebuildSeconds = (performance.now() - started) / 1000;
  const before = JSON.stringify({ constraints, indexes });
  if (JSON.stringify(await callsSchema(pool)) !== before)
    throw new Error('calls indexes not restored as they were');
  return { rebuilt: true, rebuildSeconds };
}

async function callsSchema(pool) {
  const { rows: constraints } = await pool.query(`
    SELECT conname AS name, contype AS type, pg_get_constraintdef(oid) AS definition
    FROM pg_constraint WHERE conrelid = 'calls'::regclass AND contype IN ('p', 'u', 'f')
    ORDER BY CASE contype WHEN 'f' THEN 0 ELSE 1 END, conname`);
  const { rows: indexes } = await pool.query(`
    SELECT i.relname AS name, pg_get_indexdef(i.oid) AS definition
    FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid
    WHERE x.indrelid = 'calls'::regclass
      AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.oid AND c.conrelid = x.indrelid)
    ORDER BY i.relname`);
  return { constraints, indexes };
}

function quote(identifier) {
  return `"${identifier.replace(/"/g, '""')}"`;
}

/**
 * `total` postpaid calls of the SQL-seeded customers, started evenly from `from` to `to` (so the
 * table's physical order is arrival order, as in production), each by a customer drawn with a
 * skew (customer k of n has a share of about sqrt((k+1)/n) - sqrt(k/n): a few heavy business lines,
 * a long tail of light ones), 1-1440 minutes (exponential, mean about 3.5), at 0.02 a minute.
 * Chunks never straddle a month, so each chunk's period (UTC customers) is one parameter; they are
 * inserted over `pools.length` connections at once. Ids are md5-derived UUIDs: this PostgreSQL build's
 * gen_random_uuid() reads the kernel's random source once per row, several times slower.
 */
export async function seedCallsBySql(pools, { prefix, total, from, to, customers, chunkRows = 250_000 }) {
  const chunks = callChunks({ total, from, to, chunkRows });
  let next = 0;
  const started = performance.now();
  await Promise.all(
    pools.map(async (pool) => {
      while (next < chunks.length) {
        const chunk = chunks[next++];
        await pool.query(
          `INSERT INTO calls (id, call_id, customer_id, phone_number, destination, started_at, minutes,
                              duration_seconds, billed_seconds, rate_group, rate_per_minute,
                              charge, currency, plan, period, received_at)
           SELECT md5($1 || s.g)::uuid, $1 || lpad(s.g::text, 10, '0'), b.customer_id, b.number,
                  '+1' || (4155550000 + s.g % 10000), s.started_at, s.minutes, s.minutes * 60, s.minutes * 60,
                  'default', 0.02, s.minutes * 0.02,
                  'USD', 'postpaid', $2, s.started_at + (s.minutes + 1) * interval '1 minute'
           FROM (SELECT g,
                        1 + floor($3::integer * power(random(), 2))::integer AS idx,
                        greatest($4::timestamptz, to_timestamp($5::float8 + (g - 1) * $6::float8)) AS started_at,
                        least(1440, 1 + floor(-3 * ln(1 - random())))::integer AS minutes
                 FROM generate_series($7::bigint, $8::bigint) g) s
           JOIN bench_customer_index b ON b.idx = s.idx`,
          [
            prefix,
            chunk.period,
            customers,
            chunk.monthStart,
            chunk.fromSeconds,
            chunk.stepSeconds,
            chunk.first,
            chunk.last,
          ],
        );
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  return { rows: total, seconds, perSecond: total / seconds };
}

/** Row g (1-based) starts at from + (g - 1) * step; rows are cut into chunks at month starts and every `chunkRows`. */
function callChunks({ total, from, to, chunkRows }) {
  const fromSeconds = from.getTime() / 1000;
  const stepSeconds = (to.getTime() - from.getTime()) / 1000 / total;
  const firstRowAt = (instant) =>
    Math.max(1, Math.ceil((instant.getTime() / 1000 - fromSeconds) / stepSeconds) + 1);
  const chunks = [];
  for (let month = utcMonthStart(from); month < to; month = utcMonthStart(month, 1)) {
    const first = firstRowAt(month);
    const last = Math.min(total, firstRowAt(utcMonthStart(month, 1)) - 1);
    for (let start = first; start <= last; start += chunkRows) {
      chunks.push({
        period: periodCode(month),
        monthStart: month.toISOString(),
        fromSeconds,
        stepSeconds,
        first: start,
        last: Math.min(last, start + chunkRows - 1),
      });
    }
  }
  return chunks;
}

/** Every seeded call is there once, and its period is the UTC month of its start. */
export async function checkSeededCalls(pool, expected) {
  const { rows } = await pool.query(`
    SELECT count(*)::bigint AS calls,
           count(*) FILTER (WHERE period <> to_char(started_at AT TIME ZONE 'UTC', 'YYYY-MM'))::bigint AS misfiled
    FROM calls WHERE call_id ~ '^[hp][0-9]'`);
  if (Number(rows[0].calls) !== expected || Number(rows[0].misfiled) !== 0) {
    throw new Error(`seeded calls: ${rows[0].calls} of ${expected}, ${rows[0].misfiled} in the wrong period`);
  }
}
