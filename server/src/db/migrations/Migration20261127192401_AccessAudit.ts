import { Migration } from '@mikro-orm/migrations';

export class Migration20261127192401_AccessAudit extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "api_client" ("id" uuid not null, "name" varchar(120) not null, "scopes" text[] not null, "opd_ids" text[] null, "token_hash" varchar(64) not null, "token_prefix" varchar(16) not null, "created_by_employee_id" uuid null, "created_at" timestamptz not null default now(), "rotated_at" timestamptz null, "revoked_at" timestamptz null, "last_used_at" timestamptz null, constraint "api_client_pkey" primary key ("id"));`);
    this.addSql(`alter table "api_client" add constraint "api_client_name_unique" unique ("name");`);
    this.addSql(`alter table "api_client" add constraint "api_client_token_hash_unique" unique ("token_hash");`);

    this.addSql(`create table "audit_entry" ("id" uuid not null, "at" timestamptz not null default now(), "actor_type" text check ("actor_type" in ('PERSON', 'API_CLIENT', 'ANONYMOUS', 'SYSTEM')) not null, "actor_employee_id" uuid null, "actor_client_id" uuid null, "actor_label" varchar(200) not null, "action" varchar(80) not null, "subject_type" varchar(40) not null, "subject_id" varchar(64) not null, "before" jsonb null, "after" jsonb null, "request_id" varchar(100) null, "ip_address" varchar(64) null, constraint "audit_entry_pkey" primary key ("id"));`);
    this.addSql(`create index "audit_entry_action_address_index" on "audit_entry" ("action", "ip_address", "at");`);
    this.addSql(`create index "audit_entry_action_subject_index" on "audit_entry" ("action", "subject_id", "at");`);
    this.addSql(`create index "audit_entry_subject_index" on "audit_entry" ("subject_id", "at");`);

    // The audit trail is append-only: the database itself refuses to change or remove entries.
    this.addSql(`create function audit_entry_append_only() returns trigger language plpgsql as $$
      begin
        raise exception 'audit_entry is append-only: % is not allowed', tg_op using errcode = 'insufficient_privilege';
      end;
    $$;`);
    this.addSql(`create trigger audit_entry_no_update_delete before update or delete on "audit_entry" for each row execute function audit_entry_append_only();`);
    this.addSql(`create trigger audit_entry_no_truncate before truncate on "audit_entry" for each statement execute function audit_entry_append_only();`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop function if exists audit_entry_append_only() cascade;`);
    this.addSql(`drop table if exists "api_client" cascade;`);

    this.addSql(`drop table if exists "audit_entry" cascade;`);
  }

}
