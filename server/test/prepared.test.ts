import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { numberPlaceholders, preparedRows } from '../src/db/prepared.js';
import { processStats } from '../src/db/query-stats.js';
import { postgresUrl, startTestApp, type TestApp } from './helpers.js';

describe('numberPlaceholders', () => {
  it('numbers each ? in order, casts and all', () => {
    expect(numberPlaceholders(`select ? where a = ? and c = any(?::uuid[]) limit ?`)).toBe(
      `select $1 where a = $2 and c = any($3::uuid[]) limit $4`,
    );
  });
});

describe('preparedRows', () => {
  let t: TestApp;
  beforeAll(async () => {
    // One pooled connection, so the statements this test prepares are on the one it inspects.
    t = await startTestApp({ dbPoolSize: 1 });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('answers like em.execute and counts one statement', async () => {
    const em = t.app.orm.em.fork();
    const before = processStats.sqlStatements;
    const rows = await preparedRows<{ n: number; s: string; at: string }>(
      em,
      `select ?::int + 1 as n, ? || '!' as s, to_char(?::timestamptz at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI') as at`,
      [41, 'why', new Date('2026-03-01T10:20:00Z')],
    );
    expect(rows).toEqual([{ n: 42, s: 'why!', at: '2026-03-01T10:20' }]);
    expect(processStats.sqlStatements - before).toBe(1);
  });

  it('refuses a JavaScript array, which would not mean an SQL list', async () => {
    const em = t.app.orm.em.fork();
    await expect(preparedRows(em, 'select ? as ids', [['a', 'b']])).rejects.toThrow(
      /PostgreSQL array literals/,
    );
  });

  it('reports database errors with their SQLSTATE, as em.execute does', async () => {
    const em = t.app.orm.em.fork();
    await expect(preparedRows(em, 'select ?::uuid as id', ['not-a-uuid'])).rejects.toMatchObject({
      code: '22P02',
    });
  });

  it('runs inside the transaction it is called in', async () => {
    await t.app.orm.em.fork().transactional(async (em) => {
      await em.execute(`create temporary table prepared_probe (n int) on commit drop`);
      await em.execute(`insert into prepared_probe values (7)`);
      const rows = await preparedRows<{ n: number }>(em, 'select n from prepared_probe', []);
      expect(rows).toEqual([{ n: 7 }]);
    });
  });

  it.runIf(postgresUrl)(
    'prepares each statement once per connection on PostgreSQL, under a stable name',
    async () => {
      const em = t.app.orm.em.fork();
      const sql = `select count(*)::int as n from employee where active = ?`;
      await preparedRows(em, sql, [true]);
      await preparedRows(em, sql, [false]);
      const prepared = await preparedRows<{ name: string; calls: number }>(
        em,
        `select name, (generic_plans + custom_plans)::int as calls from pg_prepared_statements
          where statement = ?`,
        [numberPlaceholders(sql)],
      );
      expect(prepared).toHaveLength(1);
      expect(prepared[0].name).toMatch(/^k_[0-9a-f]{20}$/);
      expect(prepared[0].calls).toBe(2);
    },
  );

  it.runIf(postgresUrl)(
    'prepares a statement again when a migration changed its result columns under it',
    async () => {
      const em = t.app.orm.em.fork();
      await em.execute('create table prepared_stale (id int primary key)');
      await em.execute('insert into prepared_stale values (1)');
      const sql = 'select * from prepared_stale where id = ?';
      expect(await preparedRows(em, sql, [1])).toEqual([{ id: 1 }]);
      // As another instance's migration would, while this one keeps its prepared statement.
      await em.execute(`alter table prepared_stale add column note text default 'baru'`);
      expect(await preparedRows(em, sql, [1])).toEqual([{ id: 1, note: 'baru' }]);
      await em.execute('drop table prepared_stale');
    },
  );
});
