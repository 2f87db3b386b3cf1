import { Migration } from '@mikro-orm/migrations';

/**
 * The review queue's index holds only the activities still waiting. Migrations run in one
 * transaction, so the index is built plainly here; on a large live table an operator can build it
 * first with `create index concurrently` (the same statement), which this then leaves as it is.
 */
export class Migration20261205222604_WaitingActivitiesIndex extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create index if not exists "activity_waiting_index" on "activity" ("assessor_id", "employee_id", "created_at", "id") where "status" = 'SUBMITTED';`);

    this.addSql(`drop index if exists "activity_pending_index";`);
  }

  override async down(): Promise<void> {
    this.addSql(`create index if not exists "activity_pending_index" on "activity" ("assessor_id", "status", "created_at", "employee_id");`);

    this.addSql(`drop index if exists "activity_waiting_index";`);
  }
}
