import { Migration } from '@mikro-orm/migrations';

export class Migration20261201024019_portal_sessions extends Migration {
  override name = 'Migration20261201024019_portal_sessions';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "portal_links" ("id" uuid not null, "customer_id" uuid not null, "token_hash" bytea not null, "key_version" text not null, "created_at" timestamptz not null, "expires_at" timestamptz not null, "used_at" timestamptz null, primary key ("id"));`,
    );
    this.addSql(
      `alter table "portal_links" add constraint "portal_links_token_hash_key" unique ("token_hash");`,
    );

    this.addSql(
      `create table "portal_sessions" ("id" uuid not null, "customer_id" uuid not null, "token_hash" bytea not null, "key_version" text not null, "origin" text not null, "link_id" uuid null, "started_at" timestamptz not null, "expires_at" timestamptz not null, "ended_at" timestamptz null, primary key ("id"));`,
    );
    this.addSql(
      `alter table "portal_sessions" add constraint "portal_sessions_token_hash_key" unique ("token_hash");`,
    );
    this.addSql(
      `alter table "portal_sessions" add constraint "portal_sessions_link_id_key" unique ("link_id");`,
    );

    this.addSql(
      `alter table "portal_links" add constraint "portal_links_customer_id_fkey" foreign key ("customer_id") references "customers" ("id") on update no action on delete no action;`,
    );
    this.addSql(
      `alter table "portal_links" add constraint "portal_links_token_hash_check" check (octet_length(token_hash) = 32);`,
    );

    this.addSql(
      `alter table "portal_sessions" add constraint "portal_sessions_customer_id_fkey" foreign key ("customer_id") references "customers" ("id") on update no action on delete no action;`,
    );
    this.addSql(
      `alter table "portal_sessions" add constraint "portal_sessions_link_id_fkey" foreign key ("link_id") references "portal_links" ("id") on update no action on delete no action;`,
    );
    this.addSql(
      `alter table "portal_sessions" add constraint "portal_sessions_link_of_origin_check" check ((origin = 'link') = (link_id IS NOT NULL));`,
    );
    this.addSql(
      `alter table "portal_sessions" add constraint "portal_sessions_token_hash_check" check (octet_length(token_hash) = 32);`,
    );
    this.addSql(
      `alter table "portal_sessions" add constraint "portal_sessions_origin_check" check ("origin" in ('link', 'api_key'));`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "portal_sessions" drop constraint "portal_sessions_link_id_fkey";`);

    this.addSql(`drop table if exists "portal_links" cascade;`);
    this.addSql(`drop table if exists "portal_sessions" cascade;`);
  }
}
