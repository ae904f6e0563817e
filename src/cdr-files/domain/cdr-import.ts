/** How the rows of one file were judged; every row is counted exactly once. */
export interface ImportCounts {
  records: number;
  recorded: number;
  duplicates: number;
  notBillable: number;
  suspended: number;
  rejected: number;
}

export const NO_ROWS: ImportCounts = {
  records: 0,
  recorded: 0,
  duplicates: 0,
  notBillable: 0,
  suspended: 0,
  rejected: 0,
};

export function addCounts(a: ImportCounts, b: ImportCounts): ImportCounts {
  return {
    records: a.records + b.records,
    recorded: a.recorded + b.recorded,
    duplicates: a.duplicates + b.duplicates,
    notBillable: a.notBillable + b.notBillable,
    suspended: a.suspended + b.suspended,
    rejected: a.rejected + b.rejected,
  };
}

/**
 * `importing` while its rows are read; `complete` once every row is judged (then it has its
 * SHA-256); `interrupted` when the upload stopped first (a dropped connection): the chunks
 * recorded before stay recorded, and posting the file again completes it without duplicates.
 */
export type ImportStatus = 'importing' | 'complete' | 'interrupted';

/** One rejected row: its line in the file (1-based) and why. */
export interface RowError {
  line: number;
  reason: string;
}

export interface CdrFileImport extends ImportCounts {
  id: string;
  source: string;
  format: string;
  /** Hex SHA-256 of the file's bytes; null until the import is complete. */
  sha256: string | null;
  receivedAt: Date;
  status: ImportStatus;
}
