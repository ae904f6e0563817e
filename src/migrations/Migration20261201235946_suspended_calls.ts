import { Migration } from '@mikro-orm/migrations';

export class Migration20261201235946_suspended_calls extends Migration {
  override name = 'Migration20261201235946_suspended_calls';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "suspended_calls" ("id" uuid not null, "call_id" text not null, "phone_number" text not null, "destination" text null, "started_at" timestamptz not null, "duration_seconds" int not null, "reason" text not null, "status" text not null, "source_kind" text not null, "cdr_file_id" uuid null, "cdr_file_line" int null, "received_at" timestamptz not null, "resolved_at" timestamptz null, "call_id_of_record" uuid null, "write_off_note" text null, primary key ("id"));`,
    );
    this.addSql(
      `alter table "suspended_calls" add constraint "suspended_calls_call_id_key" unique ("call_id");`,
    );
    this.addSql(`create index "suspended_calls_received_idx" on "suspended_calls" ("received_at", "id");`);
    this.addSql(
      `create index "suspended_calls_status_idx" on "suspended_calls" ("status", "received_at", "id");`,
    );
    this.addSql(
      `create index "suspended_calls_number_idx" on "suspended_calls" ("phone_number", "status", "received_at", "id");`,
    );
    this.addSql(
      `create index "suspended_calls_reason_idx" on "suspended_calls" ("reason", "status", "received_at", "id");`,
    );
    this.addSql(`create index "suspended_calls_started_idx" on "suspended_calls" ("started_at");`);

    this.addSql(
      `alter table "suspended_calls" add constraint "suspended_calls_reason_check" check ("reason" in ('unknown-phone-number', 'no-rate'));`,
    );
    this.addSql(
      `alter table "suspended_calls" add constraint "suspended_calls_status_check" check ("status" in ('suspended', 'recorded', 'written_off'));`,
    );
    this.addSql(
      `alter table "suspended_calls" add constraint "suspended_calls_source_kind_check" check ("source_kind" in ('api', 'cdr-file'));`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "suspended_calls" cascade;`);
  }
}
