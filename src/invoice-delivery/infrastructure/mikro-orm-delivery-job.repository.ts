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
import { ABANDONED_ERROR, Delivery, DeliveryChannelName } from '../domain/delivery';
import type { InvoiceDeliveryRow, InvoiceDeliveryTables } from './invoice-delivery.tables';

const STATE_COLUMNS = [
  'status',
  'attempts',
  'next_attempt_at',
  'locked_until',
  'last_error',
  'delivered_at',
] as const;

type StateRow = Pick<InvoiceDeliveryRow, (typeof STATE_COLUMNS)[number]>;

/**
 * The outbox rows in PostgreSQL (written by `MikroOrmIssuedInvoicesOutbox` in the issuing unit of
 * work, and by `MikroOrmBalanceAlertsOutbox` in a drawdown's). The claim and the abandonment are the Delivery state machine's claim and abandonment
 * transitions, set-wise, so that a batch is leased in one statement.
 */
@Injectable()
export class MikroOrmDeliveryJobRepository extends DeliveryJobRepository {
  constructor(private readonly db: Database<InvoiceDeliveryTables>) {
    super();
  }

  async claimDue({ now, leaseUntil, channels, limit, maxAttempts }: ClaimRequest): Promise<DeliveryJob[]> {
    const leaseToken = randomUUID();
    // READ COMMITTED re-checks the subquery's conditions on a row another claim has just updated,
    // and SKIP LOCKED passes over rows being claimed right now: no row is leased twice.
    const rows = await this.db.kysely
      .updateTable('invoice_deliveries as d')
      .set((eb) => ({
        attempts: eb('d.attempts', '+', 1),
        locked_until: leaseUntil,
        lease_token: leaseToken,
        last_attempt_at: now,
      }))
      .from((eb) =>
        eb
          .selectFrom('invoice_deliveries')
          .select('id')
          .where('status', '=', 'pending')
          .where('next_attempt_at', '<=', now.toISOString())
          .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', now.toISOString())]))
          .where('attempts', '<', maxAttempts)
          .where('channel', '=', sql<DeliveryChannelName>`ANY(${[...channels]}::text[])`)
          .orderBy('next_attempt_at')
          .orderBy('id')
          .limit(limit)
          .forUpdate()
          .skipLocked()
          .as('due'),
      )
      .whereRef('d.id', '=', 'due.id')
      .returning([
        'd.id',
        'd.kind',
        'd.invoice_id',
        'd.payload',
        'd.channel',
        'd.recipient',
        'd.webhook_id',
        'd.status',
        'd.attempts',
        'd.next_attempt_at',
        'd.locked_until',
        'd.last_error',
        'd.delivered_at',
      ])
      .execute();
    return rows.map((row) => ({
      id: row.id,
      kind: row.kind,
      invoiceId: row.invoice_id,
      payload: row.payload,
      channel: row.channel,
      fields: { recipient: row.recipient, webhookId: row.webhook_id },
      leaseToken,
      delivery: toDelivery(row),
    }));
  }

  async recordOutcome(job: DeliveryJob, outcome: Delivery): Promise<boolean> {
    const state = outcome.state;
    const rows = await this.db.kysely
      .updateTable('invoice_deliveries')
      .set({
        status: state.status,
        next_attempt_at: state.nextAttemptAt,
        locked_until: null,
        lease_token: null,
        last_error: state.lastError,
        delivered_at: state.deliveredAt,
      })
      .where('id', '=', job.id)
      .where('status', '=', 'pending')
      // A success is stored whoever holds the lease now; a failure only under this job's lease.
      .$if(state.status !== 'delivered', (query) => query.where('lease_token', '=', job.leaseToken))
      .returning('id')
      .execute();
    return rows.length === 1;
  }

  async abandonInterrupted(
    now: Date,
    maxAttempts: number,
    channels: readonly DeliveryChannelName[],
  ): Promise<number> {
    const rows = await this.db.kysely
      .updateTable('invoice_deliveries')
      .set({
        status: 'failed',
        next_attempt_at: null,
        locked_until: null,
        lease_token: null,
        last_error: ABANDONED_ERROR,
      })
      .where('status', '=', 'pending')
      .where('attempts', '>=', maxAttempts)
      .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', now.toISOString())]))
      .where('channel', '=', sql<DeliveryChannelName>`ANY(${[...channels]}::text[])`)
      .returning('id')
      .execute();
    return rows.length;
  }

  async listByInvoice(invoiceId: string): Promise<InvoiceDeliveryView[]> {
    const rows = await this.db.kysely
      .selectFrom('invoice_deliveries')
      .select(['channel', ...STATE_COLUMNS])
      .where('invoice_id', '=', invoiceId)
      .orderBy('channel')
      .execute();
    return rows.map((row) => ({ channel: row.channel, delivery: toDelivery(row) }));
  }
}

function toDelivery(row: StateRow): Delivery {
  const at = (value: string | null) => (value === null ? null : instant(value));
  return Delivery.restore({
    status: row.status,
    attempts: Number(row.attempts),
    nextAttemptAt: at(row.next_attempt_at),
    lockedUntil: at(row.locked_until),
    lastError: row.last_error,
    deliveredAt: at(row.delivered_at),
  });
}
