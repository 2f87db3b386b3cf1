import { Migration } from '@mikro-orm/migrations';

export class Migration20261127200016_Evaluation extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "distribution_pattern" ("org_rating" varchar(20) not null, "text" text not null, "rules" jsonb not null, "updated_at" timestamptz not null default now(), constraint "distribution_pattern_pkey" primary key ("org_rating"));`);

    this.addSql(`create table "peer_feedback_response" ("id" uuid not null, "subject_id" uuid not null, "period_id" uuid not null, "checkpoint" text check ("checkpoint" in ('Q1', 'Q2', 'Q3', 'Q4', 'ANNUAL')) not null, "relation" text check ("relation" in ('PEER', 'SUBORDINATE')) not null, "ratings" jsonb not null, "comments" jsonb not null, "answered_on" date not null, constraint "peer_feedback_response_pkey" primary key ("id"));`);
    this.addSql(`create index "peer_feedback_response_subject_id_period_id_checkpoint_index" on "peer_feedback_response" ("subject_id", "period_id", "checkpoint");`);

    this.addSql(`create table "peer_feedback_request" ("id" uuid not null, "subject_id" uuid not null, "period_id" uuid not null, "checkpoint" text check ("checkpoint" in ('Q1', 'Q2', 'Q3', 'Q4', 'ANNUAL')) not null, "respondent_id" uuid not null, "requested_by_employee_id" uuid not null, "relation" text check ("relation" in ('PEER', 'SUBORDINATE')) not null, "status" text check ("status" in ('OPEN', 'ANSWERED')) not null default 'OPEN', "requested_at" timestamptz not null default now(), constraint "peer_feedback_request_pkey" primary key ("id"));`);
    this.addSql(`create index "peer_feedback_request_respondent_id_status_index" on "peer_feedback_request" ("respondent_id", "status");`);
    this.addSql(`alter table "peer_feedback_request" add constraint "peer_feedback_request_subject_id_period_id_checkp_d0357_unique" unique ("subject_id", "period_id", "checkpoint", "respondent_id");`);

    this.addSql(`create table "org_rating" ("id" uuid not null, "org_unit_id" uuid not null, "period_id" uuid not null, "rating" text check ("rating" in ('OUTSTANDING', 'GOOD', 'NEEDS_IMPROVEMENT', 'POOR', 'VERY_POOR')) not null, "justification" text not null, "set_by_employee_id" uuid not null, "set_at" timestamptz not null default now(), constraint "org_rating_pkey" primary key ("id"));`);
    this.addSql(`alter table "org_rating" add constraint "org_rating_org_unit_id_period_id_unique" unique ("org_unit_id", "period_id");`);

    this.addSql(`create table "appraisal" ("id" uuid not null, "plan_id" uuid not null, "employee_id" uuid not null, "assessor_id" uuid not null, "period_id" uuid not null, "opd_id" uuid not null, "checkpoint" text check ("checkpoint" in ('Q1', 'Q2', 'Q3', 'Q4', 'ANNUAL')) not null, "status" text check ("status" in ('DRAFT', 'SUBMITTED', 'FINAL', 'APPEALED')) not null default 'DRAFT', "result_rating" text check ("result_rating" in ('ABOVE', 'MEETS', 'BELOW')) null, "behaviour_rating" text check ("behaviour_rating" in ('ABOVE', 'MEETS', 'BELOW')) null, "predikat" text check ("predikat" in ('VERY_GOOD', 'GOOD', 'NEEDS_IMPROVEMENT', 'POOR', 'VERY_POOR')) null, "value_notes" jsonb not null, "overall_note" text null, "submitted_at" timestamptz null, "finalised_at" timestamptz null, "version" int not null default 1, "created_at" timestamptz not null default now(), constraint "appraisal_pkey" primary key ("id"));`);
    this.addSql(`create index "appraisal_employee_id_index" on "appraisal" ("employee_id");`);
    this.addSql(`create index "appraisal_assessor_id_status_index" on "appraisal" ("assessor_id", "status");`);
    this.addSql(`create index "appraisal_opd_id_period_id_checkpoint_status_index" on "appraisal" ("opd_id", "period_id", "checkpoint", "status");`);
    this.addSql(`alter table "appraisal" add constraint "appraisal_plan_id_checkpoint_unique" unique ("plan_id", "checkpoint");`);

    this.addSql(`create table "appraisal_history" ("id" uuid not null, "appraisal_id" uuid not null, "result_rating" text check ("result_rating" in ('ABOVE', 'MEETS', 'BELOW')) null, "behaviour_rating" text check ("behaviour_rating" in ('ABOVE', 'MEETS', 'BELOW')) null, "predikat" text check ("predikat" in ('VERY_GOOD', 'GOOD', 'NEEDS_IMPROVEMENT', 'POOR', 'VERY_POOR')) null, "reason" text not null, "changed_at" timestamptz not null default now(), constraint "appraisal_history_pkey" primary key ("id"));`);
    this.addSql(`create index "appraisal_history_appraisal_id_index" on "appraisal_history" ("appraisal_id");`);

    this.addSql(`create table "appeal" ("id" uuid not null, "appraisal_id" uuid not null, "employee_id" uuid not null, "decider_id" uuid not null, "reason" text not null, "status" text check ("status" in ('FILED', 'DECIDED')) not null default 'FILED', "filed_at" timestamptz not null default now(), "decision" text check ("decision" in ('REJECTED', 'GRANTED')) null, "decision_note" text null, "decided_at" timestamptz null, constraint "appeal_pkey" primary key ("id"));`);
    this.addSql(`alter table "appeal" add constraint "appeal_appraisal_id_unique" unique ("appraisal_id");`);
    this.addSql(`create index "appeal_decider_id_status_index" on "appeal" ("decider_id", "status");`);

    this.addSql(`create table "appeal_explanation" ("id" uuid not null, "appeal_id" uuid not null, "from" text check ("from" in ('ASSESSOR', 'EMPLOYEE')) not null, "asked_of_id" uuid not null, "question" text not null, "answer" text null, "asked_at" timestamptz not null default now(), "answered_at" timestamptz null, constraint "appeal_explanation_pkey" primary key ("id"));`);
    this.addSql(`create index "appeal_explanation_appeal_id_index" on "appeal_explanation" ("appeal_id");`);
    this.addSql(`create index "appeal_explanation_asked_of_id_index" on "appeal_explanation" ("asked_of_id");`);

    this.addSql(`create table "self_assessment" ("id" uuid not null, "plan_id" uuid not null, "checkpoint" text check ("checkpoint" in ('Q1', 'Q2', 'Q3', 'Q4', 'ANNUAL')) not null, "result_rating" text check ("result_rating" in ('ABOVE', 'MEETS', 'BELOW')) not null, "behaviour_rating" text check ("behaviour_rating" in ('ABOVE', 'MEETS', 'BELOW')) not null, "value_notes" jsonb not null, "overall_note" text null, "submitted_at" timestamptz not null, constraint "self_assessment_pkey" primary key ("id"));`);
    this.addSql(`alter table "self_assessment" add constraint "self_assessment_plan_id_checkpoint_unique" unique ("plan_id", "checkpoint");`);

    this.addSql(`alter table "peer_feedback_response" add constraint "peer_feedback_response_subject_id_foreign" foreign key ("subject_id") references "employee" ("id") on update cascade;`);
    this.addSql(`alter table "peer_feedback_response" add constraint "peer_feedback_response_period_id_foreign" foreign key ("period_id") references "period" ("id") on update cascade;`);

    this.addSql(`alter table "peer_feedback_request" add constraint "peer_feedback_request_subject_id_foreign" foreign key ("subject_id") references "employee" ("id") on update cascade;`);
    this.addSql(`alter table "peer_feedback_request" add constraint "peer_feedback_request_period_id_foreign" foreign key ("period_id") references "period" ("id") on update cascade;`);
    this.addSql(`alter table "peer_feedback_request" add constraint "peer_feedback_request_respondent_id_foreign" foreign key ("respondent_id") references "employee" ("id") on update cascade;`);

    this.addSql(`alter table "org_rating" add constraint "org_rating_org_unit_id_foreign" foreign key ("org_unit_id") references "org_unit" ("id") on update cascade;`);
    this.addSql(`alter table "org_rating" add constraint "org_rating_period_id_foreign" foreign key ("period_id") references "period" ("id") on update cascade;`);

    this.addSql(`alter table "appraisal" add constraint "appraisal_plan_id_foreign" foreign key ("plan_id") references "performance_plan" ("id") on update cascade;`);
    this.addSql(`alter table "appraisal" add constraint "appraisal_employee_id_foreign" foreign key ("employee_id") references "employee" ("id") on update cascade;`);
    this.addSql(`alter table "appraisal" add constraint "appraisal_assessor_id_foreign" foreign key ("assessor_id") references "employee" ("id") on update cascade;`);
    this.addSql(`alter table "appraisal" add constraint "appraisal_period_id_foreign" foreign key ("period_id") references "period" ("id") on update cascade;`);
    this.addSql(`alter table "appraisal" add constraint "appraisal_opd_id_foreign" foreign key ("opd_id") references "org_unit" ("id") on update cascade;`);

    this.addSql(`alter table "appraisal_history" add constraint "appraisal_history_appraisal_id_foreign" foreign key ("appraisal_id") references "appraisal" ("id") on update cascade;`);

    this.addSql(`alter table "appeal" add constraint "appeal_appraisal_id_foreign" foreign key ("appraisal_id") references "appraisal" ("id") on update cascade;`);
    this.addSql(`alter table "appeal" add constraint "appeal_employee_id_foreign" foreign key ("employee_id") references "employee" ("id") on update cascade;`);
    this.addSql(`alter table "appeal" add constraint "appeal_decider_id_foreign" foreign key ("decider_id") references "employee" ("id") on update cascade;`);

    this.addSql(`alter table "appeal_explanation" add constraint "appeal_explanation_appeal_id_foreign" foreign key ("appeal_id") references "appeal" ("id") on update cascade;`);
    this.addSql(`alter table "appeal_explanation" add constraint "appeal_explanation_asked_of_id_foreign" foreign key ("asked_of_id") references "employee" ("id") on update cascade;`);

    this.addSql(`alter table "self_assessment" add constraint "self_assessment_plan_id_foreign" foreign key ("plan_id") references "performance_plan" ("id") on update cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "appraisal_history" drop constraint "appraisal_history_appraisal_id_foreign";`);

    this.addSql(`alter table "appeal" drop constraint "appeal_appraisal_id_foreign";`);

    this.addSql(`alter table "appeal_explanation" drop constraint "appeal_explanation_appeal_id_foreign";`);

    this.addSql(`drop table if exists "distribution_pattern" cascade;`);

    this.addSql(`drop table if exists "peer_feedback_response" cascade;`);

    this.addSql(`drop table if exists "peer_feedback_request" cascade;`);

    this.addSql(`drop table if exists "org_rating" cascade;`);

    this.addSql(`drop table if exists "appraisal" cascade;`);

    this.addSql(`drop table if exists "appraisal_history" cascade;`);

    this.addSql(`drop table if exists "appeal" cascade;`);

    this.addSql(`drop table if exists "appeal_explanation" cascade;`);

    this.addSql(`drop table if exists "self_assessment" cascade;`);
  }

}
