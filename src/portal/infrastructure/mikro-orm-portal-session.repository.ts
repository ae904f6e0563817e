import { Injectable } from '@nestjs/common';
import { Database, instant } from '../../shared/database/database';
import {
  type NewPortalLink,
  type NewPortalSession,
  PortalSessionRepository,
} from '../application/portal-session.repository';
import type { PortalLink } from '../domain/portal-link';
import type { PortalSession } from '../domain/portal-session';
import type { PortalTables } from './portal.tables';

@Injectable()
export class MikroOrmPortalSessionRepository extends PortalSessionRepository {
  constructor(private readonly db: Database<PortalTables>) {
    super();
  }

  async createLink(link: NewPortalLink): Promise<void> {
    await this.db.kysely
      .insertInto('portal_links')
      .values({
        id: link.id,
        customer_id: link.customerId,
        token_hash: link.tokenHash,
        key_version: link.keyVersion,
        created_at: link.createdAt,
        expires_at: link.expiresAt,
      })
      .execute();
  }

  async findLink(tokenHash: Buffer): Promise<PortalLink | null> {
    const row = await this.db.kysely
      .selectFrom('portal_links')
      .select(['id', 'customer_id', 'key_version', 'expires_at', 'used_at'])
      .where('token_hash', '=', tokenHash)
      .executeTakeFirst();
    if (!row) return null;
    return {
      id: row.id,
      customerId: row.customer_id,
      keyVersion: row.key_version,
      expiresAt: instant(row.expires_at),
      usedAt: row.used_at === null ? null : instant(row.used_at),
    };
  }

  async redeemLink(linkTokenHash: Buffer, session: NewPortalSession): Promise<boolean> {
    // One statement: the link is used up only if the session is stored, and of two redeems racing
    // for one link the second finds used_at set (READ COMMITTED re-checks it after the first commits).
    const started = await this.db.kysely
      .with('used', (db) =>
        db
          .updateTable('portal_links')
          .set({ used_at: session.startedAt })
          .where('token_hash', '=', linkTokenHash)
          .where('used_at', 'is', null)
          .where('expires_at', '>', session.startedAt.toISOString())
          .where('key_version', '=', session.keyVersion)
          .where('customer_id', '=', session.customerId)
          .returning(['id', 'customer_id']),
      )
      .insertInto('portal_sessions')
      .columns([
        'id',
        'customer_id',
        'token_hash',
        'key_version',
        'origin',
        'link_id',
        'started_at',
        'expires_at',
      ])
      .expression((eb) =>
        eb
          .selectFrom('used')
          // Parameters in a select list are text to PostgreSQL: cast each to its column's type.
          .select((used) => [
            used.cast<string>(used.val(session.id), 'uuid').as('id'),
            'used.customer_id',
            used.cast<Buffer>(used.val(session.tokenHash), 'bytea').as('token_hash'),
            used.val(session.keyVersion).as('key_version'),
            used.val<'link'>('link').as('origin'),
            'used.id',
            used.cast<Date>(used.val(session.startedAt), 'timestamptz').as('started_at'),
            used.cast<Date>(used.val(session.expiresAt), 'timestamptz').as('expires_at'),
          ]),
      )
      .returning('id')
      .execute();
    return started.length === 1;
  }

  async startSession(session: NewPortalSession): Promise<void> {
    await this.db.kysely
      .insertInto('portal_sessions')
      .values({
        id: session.id,
        customer_id: session.customerId,
        token_hash: session.tokenHash,
        key_version: session.keyVersion,
        origin: session.origin,
        link_id: session.linkId,
        started_at: session.startedAt,
        expires_at: session.expiresAt,
      })
      .execute();
  }

  async findOpenSession(tokenHash: Buffer): Promise<PortalSession | null> {
    const row = await this.db.kysely
      .selectFrom('portal_sessions')
      .select(['id', 'customer_id', 'key_version', 'origin', 'started_at', 'expires_at'])
      .where('token_hash', '=', tokenHash)
      .where('ended_at', 'is', null)
      .executeTakeFirst();
    if (!row) return null;
    return {
      id: row.id,
      customerId: row.customer_id,
      keyVersion: row.key_version,
      origin: row.origin,
      startedAt: instant(row.started_at),
      expiresAt: instant(row.expires_at),
    };
  }

  async endSession(sessionId: string, at: Date): Promise<void> {
    await this.db.kysely
      .updateTable('portal_sessions')
      .set({ ended_at: at })
      .where('id', '=', sessionId)
      .where('ended_at', 'is', null)
      .execute();
  }
}
