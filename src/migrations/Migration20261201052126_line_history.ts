import { Migration } from '@mikro-orm/migrations';

/**
 * Line history (#17): a number's lines over `[valid_from, valid_until)`, null bounds open. Existing
 * lines become since always and still open. The exclusion constraint (btree_gist, for `=` on text
 * in a GiST index) makes two lines of one number over one instant impossible, even between
 * concurrent transactions (the entity declares it as a check, so the schema diff knows it).
 */
export class Migration20261201052126_line_history extends Migration {
  override name = 'Migration20261201052126_line_history';

  override up(): void | Promise<void> {
    this.addSql(`create extension if not exists btree_gist;`);
    this.addSql(`alter table "phone_numbers" drop constraint "phone_numbers_pkey";`);
    this.addSql(
      `alter table "phone_numbers" add "id" uuid not null default gen_random_uuid(), add "valid_from" timestamptz null, add "valid_until" timestamptz null;`,
    );
    this.addSql(`create index "phone_numbers_number_idx" on "phone_numbers" ("number", "valid_from");`);
    this.addSql(`alter table "phone_numbers" add primary key ("id");`);
    this.addSql(
      `alter table "phone_numbers" add constraint "phone_numbers_one_owner_excl" exclude using gist ("number" with =, tstzrange("valid_from", "valid_until", '[)') with &&);`,
    );
  }

  override down(): void | Promise<void> {
    // Only possible while every number has one line left (the old primary key).
    this.addSql(`alter table "phone_numbers" drop constraint "phone_numbers_one_owner_excl";`);
    this.addSql(`drop index "phone_numbers_number_idx";`);
    this.addSql(`alter table "phone_numbers" drop constraint "phone_numbers_pkey";`);
    this.addSql(
      `alter table "phone_numbers" drop column "id", drop column "valid_from", drop column "valid_until";`,
    );
    this.addSql(`alter table "phone_numbers" add primary key ("number");`);
  }
}
