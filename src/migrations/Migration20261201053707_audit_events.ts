import { Migration } from '@mikro-orm/migrations';

export class Migration20261201053707_audit_events extends Migration {
  override name = 'Migration20261201053707_audit_events';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "audit_events" ("id" uuid not null, "at" timestamptz not null, "actor_kind" text not null, "actor_id" text null, "action" text not null, "target_type" text not null, "target_id" text not null, "customer_id" uuid null, "request_id" text null, "details" jsonb not null, primary key ("id"));`,
    );
    this.addSql(`create index "audit_events_at_idx" on "audit_events" ("at", "id");`);
    this.addSql(`create index "audit_events_action_idx" on "audit_events" ("action", "at", "id");`);
    this.addSql(`create index "audit_events_customer_idx" on "audit_events" ("customer_id", "at", "id");`);

    this.addSql(
      `alter table "audit_events" add constraint "audit_events_actor_kind_check" check ("actor_kind" in ('operator', 'customer', 'system'));`,
    );
    this.addSql(
      `create or replace function "audit_events_audit_events_no_update_or_delete_fn"() returns trigger as $$ begin raise exception 'audit_events is append-only: % refused', tg_op using errcode = 'insufficient_privilege'; end; $$ language plpgsql;`,
    );
    this.addSql(
      `create trigger "audit_events_no_update_or_delete" BEFORE UPDATE OR DELETE on "audit_events" for each ROW execute function "audit_events_audit_events_no_update_or_delete_fn"();`,
    );
    // Not in the entity: MikroORM does not read TRUNCATE triggers back (so the schema diff ignores it).
    this.addSql(
      `create or replace function "audit_events_audit_events_no_truncate_fn"() returns trigger as $$ begin raise exception 'audit_events is append-only: % refused', tg_op using errcode = 'insufficient_privilege'; end; $$ language plpgsql;`,
    );
    this.addSql(
      `create trigger "audit_events_no_truncate" BEFORE TRUNCATE on "audit_events" for each STATEMENT execute function "audit_events_audit_events_no_truncate_fn"();`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop trigger if exists "audit_events_no_update_or_delete" on "audit_events";`);
    this.addSql(`drop function if exists "audit_events_audit_events_no_update_or_delete_fn"();`);
    this.addSql(`drop trigger if exists "audit_events_no_truncate" on "audit_events";`);
    this.addSql(`drop function if exists "audit_events_audit_events_no_truncate_fn"();`);
    this.addSql(`drop table if exists "audit_events" cascade;`);
  }
}
