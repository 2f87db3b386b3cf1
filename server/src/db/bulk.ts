import type { EntityManager, EntityName, Knex } from '@mikro-orm/postgresql';
import { countStatement } from './query-stats.js';

/**
 * Inserts many rows in few statements: each chunk travels as one JSON parameter that PostgreSQL
 * expands with `json_populate_recordset`, which is several times faster than multi-row VALUES
 * through the ORM (one parse, no per-value parameters). Rows use the entity's property names;
 * relations take ids; columns left out take their defaults.
 */
export async function bulkInsert(
  em: EntityManager,
  entity: EntityName<object>,
  rows: Record<string, unknown>[],
  chunkSize = 5000,
): Promise<void> {
  if (rows.length === 0) return;
  const meta = em
    .getMetadata()
    .get(typeof entity === 'string' ? entity : (entity as { name: string }).name);
  const columnOf = new Map<string, string>();
  for (const prop of meta.props) {
    if (prop.fieldNames?.length === 1) columnOf.set(prop.name, prop.fieldNames[0]);
  }
  const table = meta.tableName;
  for (let i = 0; i < rows.length; i += chunkSize) {
    const chunk = rows.slice(i, i + chunkSize).map((row) => {
      const out: Record<string, unknown> = {};
      for (const [key, value] of Object.entries(row)) {
        const column = columnOf.get(key);
        if (!column) throw new Error(`${table} has no column for property "${key}".`);
        out[column] = value instanceof Date ? value.toISOString() : value;
      }
      return out;
    });
    const columns = Object.keys(chunk[0])
      .map((c) => `"${c}"`)
      .join(', ');
    // Through knex with a real bind parameter: em.execute() would inline the JSON into the SQL
    // text, escaping megabytes of it in JavaScript first.
    const knex = (em.getTransactionContext() as Knex.Transaction | undefined) ?? em.getKnex();
    await knex.raw(
      `insert into "${table}" (${columns}) select ${columns} from json_populate_recordset(null::"${table}", ?::json)`,
      [JSON.stringify(chunk)],
    );
    countStatement();
  }
}
