import { Migration } from '@mikro-orm/migrations';

/**
 * Per (assessor, person), how many activities wait for review and since when, kept by PostgreSQL
 * itself so that the review queue reads one row per person instead of counting every waiting
 * activity on each request (entity WaitingActivityCount).
 *
 * Statement triggers with transition tables, so that a bulk insert (the seeders' batches, COPY)
 * costs one grouped upsert, not one per row:
 * - an insert adds its waiting activities to each person's count and oldest (an upsert: atomic
 *   under the counter's row lock);
 * - an update or delete counts each (assessor, person) whose waiting activities it changed again
 *   (a probe of `activity_waiting_index`): a removed oldest cannot be subtracted. The counters are
 *   locked first, in key order (two statements never wait on each other in turn), and counted by
 *   a later statement of the function, whose snapshot (READ COMMITTED, a volatile function) sees
 *   what concurrent transactions committed while it waited for the lock. A person left with none
 *   waiting loses the row.
 * An update that changes none of status, assessor, person or creation time touches no counter.
 */
export class Migration20261206022938_WaitingActivityCounts extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "waiting_activity_count" ("assessor_id" uuid not null, "employee_id" uuid not null, "waiting" int not null, "oldest" timestamptz not null, constraint "waiting_activity_count_pkey" primary key ("assessor_id", "employee_id"));`);

    this.addSql(`create function waiting_activity_count_recount(assessors uuid[], employees uuid[]) returns void language plpgsql as $$
begin
  if assessors is null then
    return;
  end if;
  insert into waiting_activity_count as w (assessor_id, employee_id, waiting, oldest)
  select k.a, k.e, 0, 'infinity' from unnest(assessors, employees) as k(a, e) order by 1, 2
  on conflict (assessor_id, employee_id) do update set waiting = w.waiting;
  update waiting_activity_count w
     set (waiting, oldest) = (
       select count(*)::int, coalesce(min(a.created_at), 'infinity') from activity a
        where a.assessor_id = w.assessor_id and a.employee_id = w.employee_id
          and a.status = 'SUBMITTED')
    from unnest(assessors, employees) as k(a, e)
   where w.assessor_id = k.a and w.employee_id = k.e;
  delete from waiting_activity_count w using unnest(assessors, employees) as k(a, e)
   where w.assessor_id = k.a and w.employee_id = k.e and w.waiting = 0;
end $$;`);

    this.addSql(`create function waiting_activity_count_apply() returns trigger language plpgsql as $$
begin
  if tg_op = 'INSERT' then
    insert into waiting_activity_count as w (assessor_id, employee_id, waiting, oldest)
    select assessor_id, employee_id, count(*)::int, min(created_at) from new_rows
     where status = 'SUBMITTED' and assessor_id is not null
     group by 1, 2 order by 1, 2
    on conflict (assessor_id, employee_id) do update
      set waiting = w.waiting + excluded.waiting, oldest = least(w.oldest, excluded.oldest);
  elsif tg_op = 'UPDATE' then
    perform waiting_activity_count_recount(array_agg(k.a order by k.a, k.e), array_agg(k.e order by k.a, k.e))
       from (
         select distinct x.a, x.e
           from old_rows o join new_rows n on n.id = o.id
          cross join lateral (values (o.assessor_id, o.employee_id, o.status),
                                     (n.assessor_id, n.employee_id, n.status)) as x(a, e, status)
          where (o.status, o.assessor_id, o.employee_id, o.created_at)
                is distinct from (n.status, n.assessor_id, n.employee_id, n.created_at)
            and x.status = 'SUBMITTED' and x.a is not null
       ) k;
  else
    perform waiting_activity_count_recount(array_agg(k.a order by k.a, k.e), array_agg(k.e order by k.a, k.e))
       from (
         select distinct assessor_id as a, employee_id as e from old_rows
          where status = 'SUBMITTED' and assessor_id is not null
       ) k;
  end if;
  return null;
end $$;`);

    this.addSql(`create trigger waiting_activity_count_insert after insert on "activity" referencing new table as new_rows for each statement execute function waiting_activity_count_apply();`);
    this.addSql(`create trigger waiting_activity_count_update after update on "activity" referencing old table as old_rows new table as new_rows for each statement execute function waiting_activity_count_apply();`);
    this.addSql(`create trigger waiting_activity_count_delete after delete on "activity" referencing old table as old_rows for each statement execute function waiting_activity_count_apply();`);

    // What is waiting already.
    this.addSql(`insert into "waiting_activity_count" ("assessor_id", "employee_id", "waiting", "oldest") select assessor_id, employee_id, count(*)::int, min(created_at) from "activity" where status = 'SUBMITTED' and assessor_id is not null group by 1, 2;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop trigger if exists waiting_activity_count_insert on "activity";`);
    this.addSql(`drop trigger if exists waiting_activity_count_update on "activity";`);
    this.addSql(`drop trigger if exists waiting_activity_count_delete on "activity";`);
    this.addSql(`drop function if exists waiting_activity_count_apply();`);
    this.addSql(`drop function if exists waiting_activity_count_recount(uuid[], uuid[]);`);
    this.addSql(`drop table if exists "waiting_activity_count" cascade;`);
  }
}
