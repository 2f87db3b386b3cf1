import { Migration } from '@mikro-orm/migrations';

export class Migration20261204181531_PendingIndexCoversEmployee extends Migration {

  override async up(): Promise<void> {
    this.addSql(`drop index "activity_pending_index";`);

    this.addSql(`create index "activity_pending_index" on "activity" ("assessor_id", "status", "created_at", "employee_id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "activity_pending_index";`);

    this.addSql(`create index "activity_pending_index" on "activity" ("assessor_id", "status", "created_at");`);
  }

}
