import { Migration } from '@mikro-orm/migrations';

export class Migration20261127193356_Planning extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "period" ("id" uuid not null, "year" int not null, "name" varchar(100) not null, "starts_on" date not null, "ends_on" date not null, "planning_opens_on" date not null, "planning_closes_on" date not null, "evaluation_opens_on" date not null, "evaluation_closes_on" date not null, "created_at" timestamptz not null default now(), constraint "period_pkey" primary key ("id"));`);
    this.addSql(`alter table "period" add constraint "period_year_unique" unique ("year");`);

    this.addSql(`create table "performance_plan" ("id" uuid not null, "employee_id" uuid not null, "period_id" uuid not null, "assessor_id" uuid null, "org_unit_id" uuid not null, "position_title" varchar(200) not null, "job_type" text check ("job_type" in ('SENIOR_EXECUTIVE', 'ADMINISTRATOR', 'SUPERVISOR', 'EXECUTOR', 'FUNCTIONAL')) not null, "status" text check ("status" in ('DRAFT', 'SUBMITTED', 'REVISION_REQUESTED', 'APPROVED')) not null default 'DRAFT', "version" int not null default 1, "approved_count" int not null default 0, "submitted_at" timestamptz null, "approved_at" timestamptz null, "revision_note" text null, "reopen_reason" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), constraint "performance_plan_pkey" primary key ("id"));`);
    this.addSql(`create index "performance_plan_org_unit_id_index" on "performance_plan" ("org_unit_id");`);
    this.addSql(`create index "performance_plan_status_index" on "performance_plan" ("status");`);
    this.addSql(`create index "performance_plan_assessor_id_status_index" on "performance_plan" ("assessor_id", "status");`);
    this.addSql(`alter table "performance_plan" add constraint "performance_plan_employee_id_period_id_unique" unique ("employee_id", "period_id");`);

    this.addSql(`create table "monthly_report" ("id" uuid not null, "employee_id" uuid not null, "plan_id" uuid not null, "assessor_id" uuid null, "month" int not null, "status" text check ("status" in ('SUBMITTED', 'VERIFIED', 'RETURNED')) not null default 'SUBMITTED', "submitted_at" timestamptz not null, "verified_at" timestamptz null, "note" text null, "version" int not null default 1, constraint "monthly_report_pkey" primary key ("id"));`);
    this.addSql(`create index "monthly_report_assessor_id_status_index" on "monthly_report" ("assessor_id", "status");`);
    this.addSql(`alter table "monthly_report" add constraint "monthly_report_plan_id_month_unique" unique ("plan_id", "month");`);

    this.addSql(`create table "behaviour_expectation" ("id" uuid not null, "plan_id" uuid not null, "value" text check ("value" in ('SERVICE_ORIENTED', 'ACCOUNTABLE', 'COMPETENT', 'HARMONIOUS', 'LOYAL', 'ADAPTIVE', 'COLLABORATIVE')) not null, "expectation" text null, constraint "behaviour_expectation_pkey" primary key ("id"));`);
    this.addSql(`alter table "behaviour_expectation" add constraint "behaviour_expectation_plan_id_value_unique" unique ("plan_id", "value");`);

    this.addSql(`create table "plan_version" ("id" uuid not null, "plan_id" uuid not null, "number" int not null, "approved_at" timestamptz not null, "approved_by_employee_id" uuid not null, "content" jsonb not null, "reopened_at" timestamptz null, "reopen_reason" text null, constraint "plan_version_pkey" primary key ("id"));`);
    this.addSql(`alter table "plan_version" add constraint "plan_version_plan_id_number_unique" unique ("plan_id", "number");`);

    this.addSql(`create table "work_result" ("id" uuid not null, "plan_id" uuid not null, "kind" text check ("kind" in ('MAIN', 'ADDITIONAL')) not null, "text" text not null, "parent_id" uuid null, "position" int not null default 0, constraint "work_result_pkey" primary key ("id"));`);
    this.addSql(`create index "work_result_plan_id_index" on "work_result" ("plan_id");`);
    this.addSql(`create index "work_result_parent_id_index" on "work_result" ("parent_id");`);

    this.addSql(`create table "indicator" ("id" uuid not null, "work_result_id" uuid not null, "aspect" text check ("aspect" in ('QUANTITY', 'QUALITY', 'TIME', 'COST')) not null, "text" text not null, "target_value" double precision null, "target_unit" varchar(60) null, "target_text" text null, "position" int not null default 0, constraint "indicator_pkey" primary key ("id"));`);
    this.addSql(`create index "indicator_work_result_id_index" on "indicator" ("work_result_id");`);

    this.addSql(`create table "realisation_entry" ("id" uuid not null, "indicator_id" uuid not null, "checkpoint" varchar(4) not null, "value" double precision null, "text" text null, "evidence_urls" text[] not null, "updated_at" timestamptz not null default now(), constraint "realisation_entry_pkey" primary key ("id"));`);
    this.addSql(`alter table "realisation_entry" add constraint "realisation_entry_indicator_id_checkpoint_unique" unique ("indicator_id", "checkpoint");`);

    this.addSql(`create table "activity" ("id" uuid not null, "employee_id" uuid not null, "plan_id" uuid not null, "assessor_id" uuid null, "indicator_id" uuid null, "date" date not null, "description" text not null, "output" double precision null, "duration_minutes" int null, "evidence_urls" text[] not null, "status" text check ("status" in ('SUBMITTED', 'APPROVED', 'REJECTED', 'WITHDRAWN')) not null default 'SUBMITTED', "review_note" text null, "reviewed_by_employee_id" uuid null, "reviewed_at" timestamptz null, "version" int not null default 1, "created_at" timestamptz not null default now(), constraint "activity_pkey" primary key ("id"));`);
    this.addSql(`create index "activity_employee_id_index" on "activity" ("employee_id");`);
    this.addSql(`create index "activity_pending_index" on "activity" ("assessor_id", "status", "created_at");`);
    this.addSql(`create index "activity_indicator_id_status_date_index" on "activity" ("indicator_id", "status", "date");`);
    this.addSql(`create index "activity_plan_id_date_index" on "activity" ("plan_id", "date");`);

    this.addSql(`create table "feedback" ("id" uuid not null, "plan_id" uuid not null, "work_result_id" uuid null, "indicator_id" uuid null, "author_id" uuid not null, "reply_to_id" uuid null, "body" text not null, "created_at" timestamptz not null default now(), constraint "feedback_pkey" primary key ("id"));`);
    this.addSql(`create index "feedback_reply_to_id_index" on "feedback" ("reply_to_id");`);
    this.addSql(`create index "feedback_plan_id_created_at_index" on "feedback" ("plan_id", "created_at");`);

    this.addSql(`alter table "performance_plan" add constraint "performance_plan_employee_id_foreign" foreign key ("employee_id") references "employee" ("id") on update cascade;`);
    this.addSql(`alter table "performance_plan" add constraint "performance_plan_period_id_foreign" foreign key ("period_id") references "period" ("id") on update cascade;`);
    this.addSql(`alter table "performance_plan" add constraint "performance_plan_assessor_id_foreign" foreign key ("assessor_id") references "employee" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "performance_plan" add constraint "performance_plan_org_unit_id_foreign" foreign key ("org_unit_id") references "org_unit" ("id") on update cascade;`);

    this.addSql(`alter table "monthly_report" add constraint "monthly_report_employee_id_foreign" foreign key ("employee_id") references "employee" ("id") on update cascade;`);
    this.addSql(`alter table "monthly_report" add constraint "monthly_report_plan_id_foreign" foreign key ("plan_id") references "performance_plan" ("id") on update cascade;`);
    this.addSql(`alter table "monthly_report" add constraint "monthly_report_assessor_id_foreign" foreign key ("assessor_id") references "employee" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "behaviour_expectation" add constraint "behaviour_expectation_plan_id_foreign" foreign key ("plan_id") references "performance_plan" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "plan_version" add constraint "plan_version_plan_id_foreign" foreign key ("plan_id") references "performance_plan" ("id") on update cascade;`);

    this.addSql(`alter table "work_result" add constraint "work_result_plan_id_foreign" foreign key ("plan_id") references "performance_plan" ("id") on update cascade;`);
    this.addSql(`alter table "work_result" add constraint "work_result_parent_id_foreign" foreign key ("parent_id") references "work_result" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "indicator" add constraint "indicator_work_result_id_foreign" foreign key ("work_result_id") references "work_result" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "realisation_entry" add constraint "realisation_entry_indicator_id_foreign" foreign key ("indicator_id") references "indicator" ("id") on update cascade;`);

    this.addSql(`alter table "activity" add constraint "activity_employee_id_foreign" foreign key ("employee_id") references "employee" ("id") on update cascade;`);
    this.addSql(`alter table "activity" add constraint "activity_plan_id_foreign" foreign key ("plan_id") references "performance_plan" ("id") on update cascade;`);
    this.addSql(`alter table "activity" add constraint "activity_assessor_id_foreign" foreign key ("assessor_id") references "employee" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "activity" add constraint "activity_indicator_id_foreign" foreign key ("indicator_id") references "indicator" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "feedback" add constraint "feedback_plan_id_foreign" foreign key ("plan_id") references "performance_plan" ("id") on update cascade;`);
    this.addSql(`alter table "feedback" add constraint "feedback_work_result_id_foreign" foreign key ("work_result_id") references "work_result" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "feedback" add constraint "feedback_indicator_id_foreign" foreign key ("indicator_id") references "indicator" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "feedback" add constraint "feedback_author_id_foreign" foreign key ("author_id") references "employee" ("id") on update cascade;`);
    this.addSql(`alter table "feedback" add constraint "feedback_reply_to_id_foreign" foreign key ("reply_to_id") references "feedback" ("id") on update cascade on delete set null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "performance_plan" drop constraint "performance_plan_period_id_foreign";`);

    this.addSql(`alter table "monthly_report" drop constraint "monthly_report_plan_id_foreign";`);

    this.addSql(`alter table "behaviour_expectation" drop constraint "behaviour_expectation_plan_id_foreign";`);

    this.addSql(`alter table "plan_version" drop constraint "plan_version_plan_id_foreign";`);

    this.addSql(`alter table "work_result" drop constraint "work_result_plan_id_foreign";`);

    this.addSql(`alter table "activity" drop constraint "activity_plan_id_foreign";`);

    this.addSql(`alter table "feedback" drop constraint "feedback_plan_id_foreign";`);

    this.addSql(`alter table "work_result" drop constraint "work_result_parent_id_foreign";`);

    this.addSql(`alter table "indicator" drop constraint "indicator_work_result_id_foreign";`);

    this.addSql(`alter table "feedback" drop constraint "feedback_work_result_id_foreign";`);

    this.addSql(`alter table "realisation_entry" drop constraint "realisation_entry_indicator_id_foreign";`);

    this.addSql(`alter table "activity" drop constraint "activity_indicator_id_foreign";`);

    this.addSql(`alter table "feedback" drop constraint "feedback_indicator_id_foreign";`);

    this.addSql(`alter table "feedback" drop constraint "feedback_reply_to_id_foreign";`);

    this.addSql(`drop table if exists "period" cascade;`);

    this.addSql(`drop table if exists "performance_plan" cascade;`);

    this.addSql(`drop table if exists "monthly_report" cascade;`);

    this.addSql(`drop table if exists "behaviour_expectation" cascade;`);

    this.addSql(`drop table if exists "plan_version" cascade;`);

    this.addSql(`drop table if exists "work_result" cascade;`);

    this.addSql(`drop table if exists "indicator" cascade;`);

    this.addSql(`drop table if exists "realisation_entry" cascade;`);

    this.addSql(`drop table if exists "activity" cascade;`);

    this.addSql(`drop table if exists "feedback" cascade;`);
  }

}
