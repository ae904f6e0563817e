import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import type { Kysely, RawBuilder } from 'kysely';
import { Database } from './database';

/** The Database port on MikroORM's connection pool and its kysely query layer. */
@Injectable()
export class MikroOrmDatabase extends Database {
  private readonly kysely: Kysely<unknown>;
  /** Statement text → its prepared statement's name: a few hot texts, named once each. */
  private readonly statementNames = new Map<string, string>();

  constructor(private readonly em: EntityManager) {
    super();
    this.kysely = em.fork().getKysely<unknown>();
  }

  async rows<T>(query: RawBuilder<T>): Promise<T[]> {
    return (await query.execute(this.kysely)).rows;
  }

  override async prepared<T>(query: RawBuilder<T>): Promise<T[]> {
    const { sql: text, parameters } = query.compile(this.kysely);
    const pool = await this.em.getConnection().getNativeClient();
    const result = await pool.query({ name: this.statementName(text), text, values: [...parameters] });
    return result.rows as T[];
  }

  private statementName(text: string): string {
    let name = this.statementNames.get(text);
    if (name === undefined) {
      name = `s${createHash('sha1').update(text).digest('base64url').slice(0, 20)}`;
      this.statementNames.set(text, name);
    }
    return name;
  }

  transaction<T>(work: (tx: Database) => Promise<T>): Promise<T> {
    return this.em.fork().transactional((tx) => work(new TransactionDatabase(tx.getKysely<unknown>())));
  }
}

class TransactionDatabase extends Database {
  constructor(private readonly kysely: Kysely<unknown>) {
    super();
  }

  async rows<T>(query: RawBuilder<T>): Promise<T[]> {
    return (await query.execute(this.kysely)).rows;
  }

  /** Already inside one: nested work joins it. */
  transaction<T>(work: (tx: Database) => Promise<T>): Promise<T> {
    return work(this);
  }
}
