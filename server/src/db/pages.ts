import type { EntityManager, EntityName, FilterQuery } from '@mikro-orm/postgresql';
import { type Connection, decodeCursor, toConnection } from '../kernel/pagination.js';

/**
 * One page of the rows `where` selects, in id order (uuidv7: creation order), after the cursor
 * `after`, with the total count: two statements, whatever the page's length.
 */
export async function pageById<T extends { id: string }>(
  em: EntityManager,
  entity: EntityName<T>,
  where: FilterQuery<T>,
  limit: number,
  after: string | null | undefined,
): Promise<Connection<T>> {
  const afterId = after ? decodeCursor(after, 1)[0] : null;
  const paged = (afterId ? { $and: [where, { id: { $gt: afterId } }] } : where) as FilterQuery<T>;
  const rows = await em.find(entity, paged, {
    orderBy: { id: 'asc' } as never,
    limit: limit + 1,
  });
  const total = await em.count(entity, where);
  return toConnection(rows, limit, afterId !== null, total, (row) => [row.id]);
}
