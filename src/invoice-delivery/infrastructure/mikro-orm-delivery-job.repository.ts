import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { sql } from 'kysely';
import { Database, instant } from '../../shared/database/database';
import {
  ClaimRequest,
  DeliveryJob,
  DeliveryJobRepository,
  InvoiceDeliveryView,
} from '../application/delivery-job.repository';
import { ABANDONED_ERROR, Delivery, DeliveryChannelName, DeliveryStatus } from '../domain/delivery';

interface DeliveryRow {
  id: string;
  invoice_id: string;
  channel: DeliveryChannelName;
  recipient: string | null;
  webhook_id: string | null;
  status: DeliveryStatus;
  attempts: number;
  next_attempt_at: string | Date | null;
  locked_until: string | Date | null;
  last_error: string | null;
  delivered_at: string | Date | null;
}

const STATE_COLUMNS = sql`status, attempts, next_attempt_at, locked_until, last_error, delivered_at`;

/**
 * The outbox rows in PostgreSQL (written by `MikroOrmIssuedInvoicesOutbox` in the issuing
 * transaction). The claim and the abandonment are the Delivery state machine's claim and
 * abandonment transitions, set-wise, so that a batch is leased in one statement.
 */
@Injectable()
export class MikroOrmDeliveryJobRepository extends DeliveryJobRepository {
  constructor(private readonly db: Database) {
    super();
  }

  async claimDue({ now, leaseUntil, channels, limit, maxAttempts }: ClaimRequest): Promise<DeliveryJob[]> {
    const leaseToken = randomUUID();
    // READ COMMITTED re-checks the subquery's conditions on a row another claim has just updated,
    // and SKIP LOCKED passes over rows being claimed right now: no row is leased twice.
    const rows = await this.db.rows<DeliveryRow>(sql`
      UPDATE invoice_deliveries d
      SET attempts = d.attempts + 1, locked_until = ${leaseUntil}, lease_token = ${leaseToken}::uuid,
          last_attempt_at = ${now}
      FROM (
        SELECT id FROM invoice_deliveries
        WHERE status = 'pending' AND next_attempt_at <= ${now}
          AND (locked_until IS NULL OR locked_until <= ${now})
          AND attempts < ${maxAttempts} AND channel = ANY(${[...channels]}::text[])
        ORDER BY next_attempt_at, id
        LIMIT ${limit}
        FOR UPDATE SKIP LOCKED
      ) due
      WHERE d.id = due.id
      RETURNING d.id, d.invoice_id, d.channel, d.recipient, d.webhook_id, d.status, d.attempts,
                d.next_attempt_at, d.locked_until, d.last_error, d.delivered_at`);
    return rows.map((row) => ({
      id: row.id,
      invoiceId: row.invoice_id,
      channel: row.channel,
      fields: { recipient: row.recipient, webhookId: row.webhook_id },
      leaseToken,
      delivery: toDelivery(row),
    }));
  }

  async recordOutcome(job: DeliveryJob, outcome: Delivery): Promise<boolean> {
    const state = outcome.state;
    const rows = await this.db.rows<{ id: string }>(sql`
      UPDATE invoice_deliveries
      SET status = ${state.status}, next_attempt_at = ${state.nextAttemptAt}::timestamptz,
          locked_until = NULL, lease_token = NULL, last_error = ${state.lastError},
          delivered_at = ${state.deliveredAt}::timestamptz
      WHERE id = ${job.id}::uuid AND status = 'pending'
        AND (lease_token = ${job.leaseToken}::uuid OR ${state.status} = 'delivered')
      RETURNING id`);
    return rows.length === 1;
  }

  async abandonInterrupted(
    now: Date,
    maxAttempts: number,
    channels: readonly DeliveryChannelName[],
  ): Promise<number> {
    const rows = await this.db.rows<{ id: string }>(sql`
      UPDATE invoice_deliveries
      SET status = 'failed', next_attempt_at = NULL, locked_until = NULL, lease_token = NULL,
          last_error = ${ABANDONED_ERROR}
      WHERE status = 'pending' AND attempts >= ${maxAttempts}
        AND (locked_until IS NULL OR locked_until <= ${now}) AND channel = ANY(${[...channels]}::text[])
      RETURNING id`);
    return rows.length;
  }

  async listByInvoice(invoiceId: string): Promise<InvoiceDeliveryView[]> {
    const rows = await this.db.rows<DeliveryRow>(sql`
      SELECT channel, ${STATE_COLUMNS} FROM invoice_deliveries
      WHERE invoice_id = ${invoiceId}::uuid ORDER BY channel`);
    return rows.map((row) => ({ channel: row.channel, delivery: toDelivery(row) }));
  }
}

function toDelivery(row: DeliveryRow): Delivery {
  const at = (value: string | Date | null) => (value === null ? null : instant(value));
  return Delivery.restore({
    status: row.status,
    attempts: Number(row.attempts),
    nextAttemptAt: at(row.next_attempt_at),
    lockedUntil: at(row.locked_until),
    lastError: row.last_error,
    deliveredAt: at(row.delivered_at),
  });
}
