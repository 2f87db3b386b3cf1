import type { EntityManager } from '@mikro-orm/postgresql';
import { assertAuditRead } from '../../access/policy.js';
import { type Connection, decodeCursor, pageSize, toConnection } from '../../kernel/pagination.js';
import type { Scope, Viewer } from '../../kernel/scope.js';
import { ActorType, AuditEntry } from '../../realtime/audit-entry.entity.js';
import { auditReasons } from './audit.reasons.js';

export interface AuditRecord {
  action: string;
  subjectType: string;
  subjectId: string;
  before?: unknown;
  after?: unknown;
}

type AuditCtx = Pick<Scope, 'viewer' | 'requestId' | 'ipAddress'>;

function actorFields(viewer: Viewer | null) {
  if (!viewer) return { actorType: ActorType.ANONYMOUS, actorLabel: 'anonymous' };
  if (viewer.kind === 'client') {
    return {
      actorType: ActorType.API_CLIENT,
      actorClientId: viewer.clientId,
      actorLabel: viewer.name,
    };
  }
  return {
    actorType: ActorType.PERSON,
    actorEmployeeId: viewer.employeeId,
    actorLabel: viewer.name,
  };
}

/**
 * Records an audit entry in `em`'s unit of work: it is written by the same flush (and so the
 * same transaction) as the change it describes, or not at all.
 *
 * @deprecated a change is recorded with `recordChange` (realtime/change.ts), its audit entry and
 * its event together; removed once no feature calls it.
 */
export function audit(
  em: EntityManager,
  ctx: AuditCtx,
  record: AuditRecord,
  actor?: Viewer | null,
): AuditEntry {
  return em.create(AuditEntry, {
    ...actorFields(actor === undefined ? ctx.viewer : actor),
    action: record.action,
    subjectType: record.subjectType,
    subjectId: record.subjectId,
    before: record.before ?? null,
    after: record.after ?? null,
    requestId: ctx.requestId,
    ipAddress: ctx.ipAddress,
  });
}

/**
 * Writes one audit entry on its own, for events with no other change (e.g. a failed sign-in).
 *
 * @deprecated use `recordAttempt` (realtime/change.ts); removed once no feature calls it.
 */
export async function auditNow(
  em: EntityManager,
  ctx: AuditCtx,
  record: AuditRecord,
  actor?: Viewer | null,
): Promise<void> {
  const fork = em.fork();
  audit(fork, ctx, record, actor);
  await fork.flush();
}

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
