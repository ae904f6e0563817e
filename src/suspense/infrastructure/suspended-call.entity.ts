import { defineEntity, p } from '@mikro-orm/core';

/**
 * Table `suspended_calls`: call records the service could not charge yet, kept as the switch sent
 * them, once per callId, with why (`reason`), where they stand (`status`) and where they came from
 * (`source_kind`, and for a CDR file its id and line). A held call later recorded keeps its row,
 * with the recorded call's id (`call_id_of_record`): the suspense list is also its history.
 */
export const SuspendedCallEntity = defineEntity({
  name: 'SuspendedCall',
  tableName: 'suspended_calls',
  properties: {
    id: p.uuid().primary(),
    callId: p.text().unique('suspended_calls_call_id_key'),
    phoneNumber: p.text(),
    destination: p.text().nullable(),
    startedAt: p.datetime(),
    durationSeconds: p.integer(),
    reason: p.enum(['unknown-phone-number', 'no-rate']),
    status: p.enum(['suspended', 'recorded', 'written_off']),
    sourceKind: p.enum(['api', 'cdr-file']),
    cdrFileId: p.uuid().nullable(),
    cdrFileLine: p.integer().nullable(),
    receivedAt: p.datetime(),
    resolvedAt: p.datetime().nullable(),
    callIdOfRecord: p.uuid().nullable(),
    writeOffNote: p.text().nullable(),
  },
  indexes: [
    // The list, oldest first, all or by status, reason or line (keyset on received_at, id).
    { name: 'suspended_calls_received_idx', properties: ['receivedAt', 'id'] },
    { name: 'suspended_calls_status_idx', properties: ['status', 'receivedAt', 'id'] },
    // Retries: a line's held calls when it is assigned, a reason's at start-up or on demand.
    { name: 'suspended_calls_number_idx', properties: ['phoneNumber', 'status', 'receivedAt', 'id'] },
    { name: 'suspended_calls_reason_idx', properties: ['reason', 'status', 'receivedAt', 'id'] },
    // Reconciliation: a UTC month of started_at.
    { name: 'suspended_calls_started_idx', properties: ['startedAt'] },
  ],
});
