import { defineEntity, p } from '@mikro-orm/core';

/**
 * Table `cdr_files`: one row per upload of a switch's CDR file, with how its rows were judged.
 * `sha256` is set when the import completes; one complete import per (source, sha256), so a file
 * posted again answers the first import.
 */
export const CdrFileEntity = defineEntity({
  name: 'CdrFile',
  tableName: 'cdr_files',
  properties: {
    id: p.uuid().primary(),
    source: p.text(),
    format: p.text(),
    sha256: p.text().nullable(),
    receivedAt: p.datetime(),
    status: p.enum(['importing', 'complete', 'interrupted']),
    records: p.integer(),
    recorded: p.integer(),
    duplicates: p.integer(),
    notBillable: p.integer(),
    suspended: p.integer(),
    rejected: p.integer(),
  },
  checks: [
    {
      name: 'cdr_files_complete_has_sha256_check',
      expression: "(status = 'complete') = (sha256 IS NOT NULL)",
    },
    {
      name: 'cdr_files_every_record_counted_check',
      expression: 'records = recorded + duplicates + not_billable + suspended + rejected',
    },
  ],
  indexes: [
    { name: 'cdr_files_received_idx', properties: ['receivedAt', 'id'] },
    {
      name: 'cdr_files_source_sha256_key',
      expression:
        "CREATE UNIQUE INDEX cdr_files_source_sha256_key ON cdr_files (source, sha256) WHERE status = 'complete'",
    },
  ],
});
