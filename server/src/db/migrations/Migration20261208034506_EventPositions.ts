import { Migration } from '@mikro-orm/migrations';

/**
 * Events get a position (writing transaction, id) that readers take in commit-safe order (see
 * realtime/position.ts). Events already there all get this migration's transaction id, which
 * keeps their id order and puts them before every later event.
 */
export class Migration20261208034506_EventPositions extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "event" add column "tx" xid8 not null default pg_current_xact_id();`);
    this.addSql(`create index "event_tx_id_index" on "event" ("tx", "id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "event_tx_id_index";`);
    this.addSql(`alter table "event" drop column "tx";`);
  }

}
