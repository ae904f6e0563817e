import type { CdrFileImport, ImportCounts, RowError } from '../domain/cdr-import';

export interface ImportKey {
  receivedAt: string;
  id: string;
}

/** Port: the imports of CDR files and their rejected rows. */
export abstract class CdrFileRepository {
  abstract create(started: CdrFileImport): Promise<void>;
  /** Adds one chunk's counts and its rejected rows to an import. */
  abstract addChunk(id: string, counts: ImportCounts, errors: RowError[]): Promise<void>;
  abstract setStatus(id: string, status: 'interrupted'): Promise<void>;
  /** Marks the import complete with its hash (unique per source among complete imports). */
  abstract complete(id: string, sha256: string): Promise<void>;
  /** Serialises, until the unit of work ends, the completion of imports of one file. */
  abstract lockFile(source: string, sha256: string): Promise<void>;
  abstract findComplete(source: string, sha256: string): Promise<CdrFileImport | null>;
  /** Deletes an import and its rejected rows (a second copy of a file already imported). */
  abstract discard(id: string): Promise<void>;
  abstract find(id: string): Promise<CdrFileImport | null>;
  /** Newest first, after `after`. */
  abstract list(limit: number, after: ImportKey | null): Promise<CdrFileImport[]>;
  /** In line order, after line `afterLine`. */
  abstract errors(id: string, limit: number, afterLine: number): Promise<RowError[]>;
}
