import { Migration } from '@mikro-orm/migrations';

export class Migration20261127225216_ActivityPlanStatusIndex extends Migration {

  override async up(): Promise<void> {
    this.addSql(`drop index "activity_plan_id_date_index";`);

    this.addSql(`create index "activity_plan_id_status_date_index" on "activity" ("plan_id", "status", "date");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "activity_plan_id_status_date_index";`);

    this.addSql(`create index "activity_plan_id_date_index" on "activity" ("plan_id", "date");`);
  }

}
