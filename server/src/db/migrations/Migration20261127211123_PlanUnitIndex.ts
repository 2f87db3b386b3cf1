import { Migration } from '@mikro-orm/migrations';

export class Migration20261127211123_PlanUnitIndex extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create index "performance_plan_org_unit_id_period_id_index" on "performance_plan" ("org_unit_id", "period_id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "performance_plan_org_unit_id_period_id_index";`);
  }

}
