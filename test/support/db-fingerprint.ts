import type { TestApp } from './test-app';

/** Row count and an md5 of every row's text, per table: equal fingerprints mean nothing was stored or changed. */
export async function dbFingerprint(service: TestApp): Promise<Record<string, string>> {
  const tables = await service.sql<{ name: string }>(
    `SELECT table_name AS name FROM information_schema.tables
     WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`,
  );
  const fingerprint: Record<string, string> = {};
  for (const { name } of tables) {
    const [row] = await service.sql<{ rows: number; sum: string }>(
      `SELECT count(*)::int AS rows, md5(coalesce(string_agg(t::text, E'\\n' ORDER BY t::text), '')) AS sum
       FROM "${name.replace(/"/g, '""')}" t`,
    );
    fingerprint[name] = `${row.rows}:${row.sum}`;
  }
  return fingerprint;
}

/** Every stored row as text, for asserting that a secret is stored nowhere. */
export async function everyStoredRow(service: TestApp): Promise<string> {
  const tables = await service.sql<{ name: string }>(
    `SELECT table_name AS name FROM information_schema.tables
     WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`,
  );
  const texts: string[] = [];
  for (const { name } of tables) {
    const rows = await service.sql<{ text: string }>(
      `SELECT t::text AS text FROM "${name.replace(/"/g, '""')}" t`,
    );
    texts.push(...rows.map((row) => row.text));
  }
  return texts.join('\n');
}
