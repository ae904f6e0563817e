import { Injectable } from '@nestjs/common';
import { decodeCursor, type Page, toPage } from '../../shared/pagination/page';
import { CdrFileNotFoundError } from '../domain/cdr-file.errors';
import type { CdrFileImport, RowError } from '../domain/cdr-import';
import { CdrFileRepository } from './cdr-file.repository';

/** The imports, newest first (keyset on receivedAt, id), one import, and its rejected rows by line. */
@Injectable()
export class CdrFileQueries {
  constructor(private readonly files: CdrFileRepository) {}

  async list(limit: number, cursor: string | null): Promise<Page<CdrFileImport>> {
    const after = cursor === null ? null : decodeCursor(cursor, { receivedAt: 'instant', id: 'uuid' });
    const rows = await this.files.list(limit + 1, after);
    return toPage(rows, limit, (file) => ({ receivedAt: file.receivedAt.toISOString(), id: file.id }));
  }

  async get(id: string): Promise<CdrFileImport> {
    const file = await this.files.find(id);
    if (!file) throw new CdrFileNotFoundError(id);
    return file;
  }

  /** The first rejected rows of an import (its response's `errors`). */
  firstErrors(id: string, limit = 100): Promise<RowError[]> {
    return this.files.errors(id, limit, 0);
  }

  async errors(id: string, limit: number, cursor: string | null): Promise<Page<RowError>> {
    await this.get(id);
    const afterLine = cursor === null ? 0 : Number(decodeCursor(cursor, { line: 'line' }).line);
    const rows = await this.files.errors(id, limit + 1, afterLine);
    return toPage(rows, limit, (error) => ({ line: String(error.line) }));
  }
}
