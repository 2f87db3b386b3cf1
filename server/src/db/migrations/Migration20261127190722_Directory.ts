import { Migration } from '@mikro-orm/migrations';

export class Migration20261127190722_Directory extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "app_setting" ("key" varchar(100) not null, "value" jsonb not null, "updated_at" timestamptz not null default now(), constraint "app_setting_pkey" primary key ("key"));`);

    this.addSql(`create table "org_unit" ("id" uuid not null, "code" varchar(40) not null, "name" varchar(200) not null, "short_name" varchar(80) null, "kind" text check ("kind" in ('SECRETARIAT', 'SECTION', 'EXPERT_STAFF', 'DEPARTMENT', 'AGENCY', 'INSPECTORATE', 'HOSPITAL', 'DISTRICT', 'SUBDISTRICT', 'UNIT_SECRETARIAT', 'DIVISION', 'SUBDIVISION', 'TECHNICAL_UNIT')) not null, "parent_id" uuid null, "opd_id" uuid null, "path" text not null, "reference" boolean not null default false, "created_at" timestamptz not null default now(), constraint "org_unit_pkey" primary key ("id"));`);
    this.addSql(`alter table "org_unit" add constraint "org_unit_code_unique" unique ("code");`);
    this.addSql(`create index "org_unit_parent_id_index" on "org_unit" ("parent_id");`);
    this.addSql(`create index "org_unit_opd_id_index" on "org_unit" ("opd_id");`);
    this.addSql(`create index "org_unit_path_index" on "org_unit" ("path" text_pattern_ops);`);

    this.addSql(`create table "employee" ("id" uuid not null, "nip" varchar(18) not null, "name" varchar(200) not null, "employment_type" text check ("employment_type" in ('PNS', 'PPPK', 'PPPK_PART_TIME')) not null, "sex" text check ("sex" in ('MALE', 'FEMALE')) not null, "birth_date" date not null, "rank" varchar(10) not null, "job_type" text check ("job_type" in ('SENIOR_EXECUTIVE', 'ADMINISTRATOR', 'SUPERVISOR', 'EXECUTOR', 'FUNCTIONAL')) not null, "position_title" varchar(200) not null, "org_unit_id" uuid not null, "supervisor_id" uuid null, "email" varchar(200) null, "phone" varchar(30) null, "active" boolean not null default true, "version" int not null default 1, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), constraint "employee_pkey" primary key ("id"));`);
    this.addSql(`alter table "employee" add constraint "employee_nip_unique" unique ("nip");`);
    this.addSql(`create index "employee_org_unit_id_index" on "employee" ("org_unit_id");`);
    this.addSql(`create index "employee_supervisor_id_index" on "employee" ("supervisor_id");`);
    this.addSql(`create index "employee_name_id_index" on "employee" ("name", "id");`);

    this.addSql(`create table "account" ("id" uuid not null, "employee_id" uuid not null, "password_hash" text null, "roles" text[] not null, "admin_org_unit_id" uuid null, "active" boolean not null default true, "must_change_password" boolean not null default false, "last_login_at" timestamptz null, "version" int not null default 1, "created_at" timestamptz not null default now(), constraint "account_pkey" primary key ("id"));`);
    this.addSql(`alter table "account" add constraint "account_employee_id_unique" unique ("employee_id");`);

    this.addSql(`create table "session" ("id" uuid not null, "account_id" uuid not null, "token_hash" varchar(64) not null, "created_at" timestamptz not null default now(), "expires_at" timestamptz not null, "revoked_at" timestamptz null, "last_seen_at" timestamptz null, "user_agent" varchar(300) null, "ip_address" varchar(64) null, constraint "session_pkey" primary key ("id"));`);
    this.addSql(`create index "session_account_id_index" on "session" ("account_id");`);
    this.addSql(`alter table "session" add constraint "session_token_hash_unique" unique ("token_hash");`);

    this.addSql(`alter table "org_unit" add constraint "org_unit_parent_id_foreign" foreign key ("parent_id") references "org_unit" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "org_unit" add constraint "org_unit_opd_id_foreign" foreign key ("opd_id") references "org_unit" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "employee" add constraint "employee_org_unit_id_foreign" foreign key ("org_unit_id") references "org_unit" ("id") on update cascade;`);
    this.addSql(`alter table "employee" add constraint "employee_supervisor_id_foreign" foreign key ("supervisor_id") references "employee" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "account" add constraint "account_employee_id_foreign" foreign key ("employee_id") references "employee" ("id") on update cascade;`);
    this.addSql(`alter table "account" add constraint "account_admin_org_unit_id_foreign" foreign key ("admin_org_unit_id") references "org_unit" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "session" add constraint "session_account_id_foreign" foreign key ("account_id") references "account" ("id") on update cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "org_unit" drop constraint "org_unit_parent_id_foreign";`);

    this.addSql(`alter table "org_unit" drop constraint "org_unit_opd_id_foreign";`);

    this.addSql(`alter table "employee" drop constraint "employee_org_unit_id_foreign";`);

    this.addSql(`alter table "account" drop constraint "account_admin_org_unit_id_foreign";`);

    this.addSql(`alter table "employee" drop constraint "employee_supervisor_id_foreign";`);

    this.addSql(`alter table "account" drop constraint "account_employee_id_foreign";`);

    this.addSql(`alter table "session" drop constraint "session_account_id_foreign";`);

    this.addSql(`drop table if exists "app_setting" cascade;`);

    this.addSql(`drop table if exists "org_unit" cascade;`);

    this.addSql(`drop table if exists "employee" cascade;`);

    this.addSql(`drop table if exists "account" cascade;`);

    this.addSql(`drop table if exists "session" cascade;`);
  }

}
