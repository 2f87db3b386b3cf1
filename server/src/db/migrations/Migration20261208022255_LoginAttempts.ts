import { Migration } from '@mikro-orm/migrations';

export class Migration20261208022255_LoginAttempts extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "login_attempt" ("id" uuid not null, "nip" varchar(18) not null, "ip_address" varchar(64) null, "at" timestamptz not null, "known_account" boolean not null, "outcome" varchar(10) null, constraint "login_attempt_pkey" primary key ("id"));`);
    this.addSql(`create index "login_attempt_address_index" on "login_attempt" ("ip_address", "at");`);
    this.addSql(`create index "login_attempt_nip_index" on "login_attempt" ("nip", "at");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "login_attempt" cascade;`);
  }

}
