import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import type { Compilable, Kysely, RawBuilder } from 'kysely';
import { Database, type NoTables } from './database';

/**
 * The Database port on MikroORM's connection pool and its Kysely query layer (`em.getKysely()`,
 * without MikroORM's plugin: table and column names are the database's, values as pg answers them).
 * One instance serves every module; each module sees it through the type of its own tables.
 */
@Injectable()
export class MikroOrmDatabase<DB = NoTables> extends Database<DB> {
  readonly kysely: Kysely<DB>;
  /** Statement text → its prepared statement's name: a few hot texts, named once each. */
  private readonly statementNames = new Map<string, string>();

  constructor(private readonly em: EntityManager) {
    super();
    this.kysely = kyselyOf<DB>(em.fork());
  }

  async rows<T>(query: RawBuilder<T>): Promise<T[]> {
    return (await query.execute(this.kysely)).rows;
  }

  override async prepared<T>(query: RawBuilder<T> | Compilable<T>): Promise<T[]> {
    const { sql: text, parameters } = this.compile(query);
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

  transaction<T>(work: (tx: Database<DB>) => Promise<T>): Promise<T> {
    return this.em.fork().transactional((tx) => work(new TransactionDatabase(kyselyOf<DB>(tx))));
  }
}

/** The port inside one transaction: `kysely` and `rows` run in it; `prepared` runs unnamed in it. */
class TransactionDatabase<DB> extends Database<DB> {
  constructor(readonly kysely: Kysely<DB>) {
    super();
  }

  async rows<T>(query: RawBuilder<T>): Promise<T[]> {
    return (await query.execute(this.kysely)).rows;
  }

  /** Already inside one: nested work joins it. */
  transaction<T>(work: (tx: Database<DB>) => Promise<T>): Promise<T> {
    return work(this);
  }
}

/**
 * MikroORM's Kysely on this EntityManager (bound to its transaction, if any), typed for `DB` with
 * `getKysely<DB>()` as MikroORM documents it. The cast only resolves `getKysely`'s conditional
 * return type, which TypeScript cannot do while `DB` is still a type parameter.
 */
function kyselyOf<DB>(em: EntityManager): Kysely<DB> {
  return em.getKysely<DB>() as Kysely<DB>;
}
