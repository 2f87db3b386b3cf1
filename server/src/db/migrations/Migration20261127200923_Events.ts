import { Migration } from '@mikro-orm/migrations';

export class Migration20261127200923_Events extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "event" ("id" bigserial primary key, "type" varchar(60) not null, "subject_type" varchar(40) not null, "subject_id" varchar(64) not null, "owner_ids" text[] not null, "reviewer_ids" text[] not null, "opd_ids" text[] not null, "data" jsonb not null, "created_at" timestamptz not null default now());`);
    this.addSql(`create index "event_created_at_index" on "event" ("created_at");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "event" cascade;`);
  }

}
