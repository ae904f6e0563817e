import { Migration } from '@mikro-orm/migrations';

export class Migration20261201235708_cdr_files extends Migration {
  override name = 'Migration20261201235708_cdr_files';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "cdr_files" ("id" uuid not null, "source" text not null, "format" text not null, "sha256" text null, "received_at" timestamptz not null, "status" text not null, "records" int not null, "recorded" int not null, "duplicates" int not null, "not_billable" int not null, "suspended" int not null, "rejected" int not null, primary key ("id"));`,
    );
    this.addSql(`create index "cdr_files_received_idx" on "cdr_files" ("received_at", "id");`);
    this.addSql(
      `CREATE UNIQUE INDEX cdr_files_source_sha256_key ON cdr_files (source, sha256) WHERE status = 'complete';`,
    );

    this.addSql(
      `create table "cdr_file_errors" ("cdr_file_id" uuid not null, "line" int not null, "reason" text not null, primary key ("cdr_file_id", "line"));`,
    );

    this.addSql(
      `create table "not_billable_records" ("call_id" text not null, "started_at" timestamptz not null, "seconds" int not null, "cdr_file_id" uuid not null, "line" int not null, primary key ("call_id"));`,
    );
    this.addSql(`create index "not_billable_records_started_idx" on "not_billable_records" ("started_at");`);

    this.addSql(
      `alter table "cdr_files" add constraint "cdr_files_complete_has_sha256_check" check ((status = 'complete') = (sha256 IS NOT NULL));`,
    );
    this.addSql(
      `alter table "cdr_files" add constraint "cdr_files_every_record_counted_check" check (records = recorded + duplicates + not_billable + suspended + rejected);`,
    );
    this.addSql(
      `alter table "cdr_files" add constraint "cdr_files_status_check" check ("status" in ('importing', 'complete', 'interrupted'));`,
    );

    this.addSql(
      `alter table "cdr_file_errors" add constraint "cdr_file_errors_cdr_file_id_fkey" foreign key ("cdr_file_id") references "cdr_files" ("id") on delete cascade;`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "cdr_file_errors" drop constraint "cdr_file_errors_cdr_file_id_fkey";`);

    this.addSql(`drop table if exists "cdr_files" cascade;`);
    this.addSql(`drop table if exists "cdr_file_errors" cascade;`);
    this.addSql(`drop table if exists "not_billable_records" cascade;`);
  }
}
