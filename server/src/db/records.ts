/**
 * Helpers for reading plain read-only records (see modules/directory/directory.records.ts) with
 * hand-written SQL: PostgreSQL builds each record as JSON, so the server only parses it.
 */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A time as a JSON value of PostgreSQL gives it (ISO text), as a Date; null stays null. */
export function timeFromJson(value: unknown): Date | null {
  return value === null || value === undefined ? null : new Date(value as string);
}

/** Whether `id` is written as a UUID (every id in Kinerja is one). */
export function isUuid(id: string): boolean {
  return UUID.test(id);
}

/**
 * SQL for one JSON array ('[]' when none) of the records `json` builds of the rows of `table`
 * whose id is in `ids`, an SQL array expression (`?::uuid[]`, `array(select … from page)`).
 */
export function jsonRecordsById(
  table: string,
  json: (alias: string) => string,
  ids: string,
): string {
  return `coalesce((select json_agg(${json('r')}) from ${table} r where r.id = any(${ids})), '[]')`;
}
