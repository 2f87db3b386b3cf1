import { assertAuditRead } from '../../access/policy.js';
import { type Connection, decodeCursor, pageSize, toConnection } from '../../kernel/pagination.js';
import type { Scope } from '../../kernel/scope.js';
import { AuditEntry } from '../../realtime/audit-entry.entity.js';
import { auditReasons } from './audit.reasons.js';

/** Audit entries about one subject (or by one actor), newest first. HR admins and auditors only. */
export async function auditTrail(
  scope: Scope,
  args: {
    subjectId?: string | null;
    actorId?: string | null;
    first?: number | null;
    after?: string | null;
  },
): Promise<Connection<AuditEntry>> {
  assertAuditRead(scope.viewer);
  if (!args.subjectId && !args.actorId) throw auditReasons.subjectOrActorMissing();
  const limit = pageSize(args.first);
  const where: Record<string, unknown>[] = [];
  if (args.subjectId) where.push({ subjectId: args.subjectId });
  if (args.actorId)
    where.push({ $or: [{ actorEmployeeId: args.actorId }, { actorClientId: args.actorId }] });
  const page = [...where];
  if (args.after) page.push({ id: { $lt: decodeCursor(args.after, 1)[0] } });
  const [rows, total] = await Promise.all([
    scope.em.find(AuditEntry, { $and: page }, { orderBy: { id: 'desc' }, limit: limit + 1 }),
    scope.em.count(AuditEntry, { $and: where }),
  ]);
  return toConnection(rows, limit, Boolean(args.after), total, (e) => [e.id]);
}
