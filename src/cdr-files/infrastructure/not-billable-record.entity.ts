import { defineEntity, p } from '@mikro-orm/core';

/**
 * Table `not_billable_records`: switch records that were not answered (or billed 0 s), once per
 * callId, so that the reconciliation counts them from stored rows. `started_at` is the record's
 * start time (it has no answer time). `cdr_file_id` is the import that first stored it, without a
 * foreign key: the record outlives an interrupted import's bookkeeping.
 */
export const NotBillableRecordEntity = defineEntity({
  name: 'NotBillableRecord',
  tableName: 'not_billable_records',
  properties: {
    callId: p.text().primary(),
    startedAt: p.datetime(),
    seconds: p.integer(),
    cdrFileId: p.uuid(),
    line: p.integer(),
  },
  indexes: [{ name: 'not_billable_records_started_idx', properties: ['startedAt'] }],
});
