import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import type { Compilable, CompiledQuery, Kysely, RawBuilder } from 'kysely';
import { Database, type NoTables } from './database';

/**
 * The Database port on MikroORM's connection pool and its Kysely query layer (`em.getKysely()`,
 * without MikroORM's plugin: table and column names are the database's, values as pg answers them).
 * One instance serves every module; each module sees it through the type of its own tables.
 *
 * `kysely` is asked of the root EntityManager at each use: inside `MikroOrmUnitOfWork` MikroORM's
 * own transaction context (an AsyncLocalStorage) makes it the transaction's, elsewhere the pool's.
 */
@Injectable()
export class MikroOrmDatabase<DB = NoTables> extends Database<DB> {
  /** Statement text → its prepared statement's name: a few hot texts, named once each. */
  private readonly statementNames = new Map<string, string>();

  constructor(private readonly em: EntityManager) {
    super();
  }

  /**
   * MikroORM's Kysely, typed for `DB` with `getKysely<DB>()` as MikroORM documents it. The cast only
   * resolves `getKysely`'s conditional return type, which TypeScript cannot do while `DB` is still a
   * type parameter.
   */
  get kysely(): Kysely<DB> {
    return this.em.getKysely<DB>() as Kysely<DB>;
  }

  get inTransaction(): boolean {
    return this.em.isInTransaction();
  }

  override async prepared<T>(query: RawBuilder<T> | Compilable<T> | CompiledQuery<T>): Promise<T[]> {
    if (this.inTransaction) return super.prepared(query);
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
}
