import { Migration } from '@mikro-orm/migrations';

export class Migration20261208043950_AppraisalUpdatedAt extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "appraisal" add column "updated_at" timestamptz not null default now();`);
    // What is known of when each appraisal last changed.
    this.addSql(`update "appraisal" set "updated_at" = coalesce("finalised_at", "submitted_at", "created_at");`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "appraisal" drop column "updated_at";`);
  }

}
