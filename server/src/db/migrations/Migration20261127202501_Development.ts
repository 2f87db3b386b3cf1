import { Migration } from '@mikro-orm/migrations';

export class Migration20261127202501_Development extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "competency_assessment" ("id" uuid not null, "employee_id" uuid not null, "competency_key" varchar(120) not null, "competency_name" varchar(200) not null, "kind" text check ("kind" in ('MANAGERIAL', 'SOCIO_CULTURAL', 'TECHNICAL')) not null, "level" smallint not null, "source" text check ("source" in ('ASSESSMENT_CENTRE', 'SUPERVISOR', 'SELF')) not null, "assessed_on" date not null, "assessor_id" uuid null, "note" text null, "created_at" timestamptz not null default now(), constraint "competency_assessment_pkey" primary key ("id"));`);
    this.addSql(`create index "competency_assessment_employee_id_competency_key_a_5dadb_index" on "competency_assessment" ("employee_id", "competency_key", "assessed_on");`);

    this.addSql(`create table "competency_standard" ("id" uuid not null, "opd_id" uuid null, "position_title" varchar(200) null, "job_type" text check ("job_type" in ('SENIOR_EXECUTIVE', 'ADMINISTRATOR', 'SUPERVISOR', 'EXECUTOR', 'FUNCTIONAL')) not null, "public_service" boolean not null default false, "requirements" jsonb not null, "version" int not null default 1, "updated_at" timestamptz not null default now(), constraint "competency_standard_pkey" primary key ("id"));`);
    this.addSql(`create index "competency_standard_job_type_position_title_index" on "competency_standard" ("job_type", "position_title");`);

    this.addSql(`create table "potential_assessment" ("id" uuid not null, "employee_id" uuid not null, "level" text check ("level" in ('LOW', 'MEDIUM', 'HIGH')) not null, "assessed_on" date not null, "recorded_by_id" uuid null, "note" text null, "created_at" timestamptz not null default now(), constraint "potential_assessment_pkey" primary key ("id"));`);
    this.addSql(`create index "potential_assessment_employee_id_assessed_on_index" on "potential_assessment" ("employee_id", "assessed_on");`);

    this.addSql(`create table "training" ("id" uuid not null, "title" varchar(250) not null, "provider" varchar(200) not null, "mode" text check ("mode" in ('CLASSROOM', 'E_LEARNING', 'COACHING', 'MENTORING', 'WORKSHOP')) not null, "jp" int not null, "competencies" jsonb not null, "public_service_focus" boolean not null default false, "starts_on" date null, "ends_on" date null, "capacity" int null, "active" boolean not null default true, "version" int not null default 1, "created_at" timestamptz not null default now(), constraint "training_pkey" primary key ("id"));`);

    this.addSql(`create table "enrolment" ("id" uuid not null, "training_id" uuid not null, "employee_id" uuid not null, "status" text check ("status" in ('ASSIGNED', 'ENROLLED', 'COMPLETED', 'CANCELLED')) not null, "assigned_by_id" uuid null, "reason" text null, "assigned_at" timestamptz null, "enrolled_at" timestamptz null, "completed_on" date null, "jp_credited" int not null default 0, "cancelled_at" timestamptz null, "version" int not null default 1, "created_at" timestamptz not null default now(), constraint "enrolment_pkey" primary key ("id"));`);
    this.addSql(`create index "enrolment_employee_id_status_index" on "enrolment" ("employee_id", "status");`);
    this.addSql(`alter table "enrolment" add constraint "enrolment_training_id_employee_id_unique" unique ("training_id", "employee_id");`);

    this.addSql(`alter table "competency_assessment" add constraint "competency_assessment_employee_id_foreign" foreign key ("employee_id") references "employee" ("id") on update cascade;`);
    this.addSql(`alter table "competency_assessment" add constraint "competency_assessment_assessor_id_foreign" foreign key ("assessor_id") references "employee" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "competency_standard" add constraint "competency_standard_opd_id_foreign" foreign key ("opd_id") references "org_unit" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "potential_assessment" add constraint "potential_assessment_employee_id_foreign" foreign key ("employee_id") references "employee" ("id") on update cascade;`);
    this.addSql(`alter table "potential_assessment" add constraint "potential_assessment_recorded_by_id_foreign" foreign key ("recorded_by_id") references "employee" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "enrolment" add constraint "enrolment_training_id_foreign" foreign key ("training_id") references "training" ("id") on update cascade;`);
    this.addSql(`alter table "enrolment" add constraint "enrolment_employee_id_foreign" foreign key ("employee_id") references "employee" ("id") on update cascade;`);
    this.addSql(`alter table "enrolment" add constraint "enrolment_assigned_by_id_foreign" foreign key ("assigned_by_id") references "employee" ("id") on update cascade on delete set null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "enrolment" drop constraint "enrolment_training_id_foreign";`);

    this.addSql(`drop table if exists "competency_assessment" cascade;`);

    this.addSql(`drop table if exists "competency_standard" cascade;`);

    this.addSql(`drop table if exists "potential_assessment" cascade;`);

    this.addSql(`drop table if exists "training" cascade;`);

    this.addSql(`drop table if exists "enrolment" cascade;`);
  }

}
