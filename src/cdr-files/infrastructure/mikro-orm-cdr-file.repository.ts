import { Injectable } from '@nestjs/common';
import { sql } from 'kysely';
import { Database, instant } from '../../shared/database/database';
import { CdrFileRepository, type ImportKey } from '../application/cdr-file.repository';
import type { CdrFileImport, ImportCounts, RowError } from '../domain/cdr-import';
import type { CdrFilesTables } from './cdr-files.tables';

/** The imports in PostgreSQL: counts added chunk by chunk, rejected rows in one statement per chunk. */
@Injectable()
export class MikroOrmCdrFileRepository extends CdrFileRepository {
  constructor(private readonly db: Database<CdrFilesTables>) {
    super();
  }

  async create(file: CdrFileImport): Promise<void> {
    await this.db.kysely
      .insertInto('cdr_files')
      .values({
        id: file.id,
        source: file.source,
        format: file.format,
        sha256: file.sha256,
        received_at: file.receivedAt,
        status: file.status,
        records: file.records,
        recorded: file.recorded,
        duplicates: file.duplicates,
        not_billable: file.notBillable,
        suspended: file.suspended,
        rejected: file.rejected,
      })
      .execute();
  }

  async addChunk(id: string, counts: ImportCounts, errors: RowError[]): Promise<void> {
    await this.db.kysely
      .updateTable('cdr_files')
      .set((eb) => ({
        records: eb('records', '+', counts.records),
        recorded: eb('recorded', '+', counts.recorded),
        duplicates: eb('duplicates', '+', counts.duplicates),
        not_billable: eb('not_billable', '+', counts.notBillable),
        suspended: eb('suspended', '+', counts.suspended),
        rejected: eb('rejected', '+', counts.rejected),
      }))
      .where('id', '=', id)
      .execute();
    if (errors.length === 0) return;
    await sql`INSERT INTO cdr_file_errors (cdr_file_id, line, reason)
              SELECT ${id}::uuid, line, reason FROM unnest(${errors.map((e) => e.line)}::int[], ${errors.map((e) => e.reason)}::text[]) AS t(line, reason)
              ON CONFLICT DO NOTHING`.execute(this.db.kysely);
  }

  async setStatus(id: string, status: 'interrupted'): Promise<void> {
    await this.db.kysely.updateTable('cdr_files').set({ status }).where('id', '=', id).execute();
  }

  async complete(id: string, sha256: string): Promise<void> {
    await this.db.kysely
      .updateTable('cdr_files')
      .set({ status: 'complete', sha256 })
      .where('id', '=', id)
      .execute();
  }

  async lockFile(source: string, sha256: string): Promise<void> {
    await sql`SELECT pg_advisory_xact_lock(hashtextextended(${`cdr-file ${source} ${sha256}`}, 0))`.execute(
      this.db.kysely,
    );
  }

  async findComplete(source: string, sha256: string): Promise<CdrFileImport | null> {
    const row = await this.db.kysely
      .selectFrom('cdr_files')
      .selectAll()
      .where('source', '=', source)
      .where('sha256', '=', sha256)
      .where('status', '=', 'complete')
      .executeTakeFirst();
    return row ? importOf(row) : null;
  }

  async discard(id: string): Promise<void> {
    await this.db.kysely.deleteFrom('cdr_files').where('id', '=', id).execute();
  }

  async find(id: string): Promise<CdrFileImport | null> {
    const row = await this.db.kysely
      .selectFrom('cdr_files')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    return row ? importOf(row) : null;
  }

  async list(limit: number, after: ImportKey | null): Promise<CdrFileImport[]> {
    let query = this.db.kysely.selectFrom('cdr_files').selectAll();
    if (after !== null)
      query = query.where((eb) =>
        eb(eb.refTuple('received_at', 'id'), '<', eb.tuple(after.receivedAt, after.id)),
      );
    const rows = await query.orderBy('received_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
    return rows.map(importOf);
  }

  async errors(id: string, limit: number, afterLine: number): Promise<RowError[]> {
    return this.db.kysely
      .selectFrom('cdr_file_errors')
      .select(['line', 'reason'])
      .where('cdr_file_id', '=', id)
      .where('line', '>', afterLine)
      .orderBy('line')
      .limit(limit)
      .execute();
  }
}

function importOf(row: {
  id: string;
  source: string;
  format: string;
  sha256: string | null;
  received_at: string;
  status: CdrFileImport['status'];
  records: number;
  recorded: number;
  duplicates: number;
  not_billable: number;
  suspended: number;
  rejected: number;
}): CdrFileImport {
  return {
    id: row.id,
    source: row.source,
    format: row.format,
    sha256: row.sha256,
    receivedAt: instant(row.received_at),
    status: row.status,
    records: row.records,
    recorded: row.recorded,
    duplicates: row.duplicates,
    notBillable: row.not_billable,
    suspended: row.suspended,
    rejected: row.rejected,
  };
}
