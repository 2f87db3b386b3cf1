import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../kernel/scope.js';
import { ActorType, AuditEntry } from './audit-entry.entity.js';
import { recordEvent } from './outbox.js';

/** Who asked, as the audit trail records it: a scope, or the parts of one a script has. */
export interface ChangeScope {
  em: EntityManager;
  viewer: Viewer | null;
  requestId: string;
  ipAddress: string | null;
}

/** Who hears of a change live: its owner(s), its reviewer(s) and the OPD(s) it belongs to. */
export interface Audience {
  ownerIds?: (string | null | undefined)[];
  reviewerIds?: (string | null | undefined)[];
  opdIds?: (string | null | undefined)[];
}

export interface Change {
  /** The audit trail's action, `<subject>.<verb>` (e.g. `activity.reject`). */
  action: string;
  subjectType: string;
  subjectId: string;
  before?: unknown;
  after?: unknown;
  /** The event's type, when subscribers know it by another name than the action. */
  eventType?: string;
  /**
   * The event's subject, when subscribers follow another object than the audit trail records
   * (an appeal's decision changes the appraisal's ratings; subscribers follow the appeal).
   */
  eventSubject?: { type: string; id: string };
  /** Who hears of it live; nobody when absent (the event is still written to the outbox). */
  audience?: Audience;
  /** What subscribers are told besides the subject (ids, new status). */
  data?: Record<string, unknown>;
  /** Who made it when not the scope's viewer (e.g. the person signing in); null: the system. */
  actor?: Viewer | null;
}

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

function auditEntry(em: EntityManager, scope: ChangeScope, change: Change): AuditEntry {
  return em.create(AuditEntry, {
    ...actorFields(change.actor === undefined ? scope.viewer : change.actor),
    action: change.action,
    subjectType: change.subjectType,
    subjectId: change.subjectId,
    before: change.before ?? null,
    after: change.after ?? null,
    requestId: scope.requestId,
    ipAddress: scope.ipAddress,
  });
}

/**
 * Records a state change: its audit entry and its event, both in `em`'s unit of work (by default
 * the scope's; inside a transaction, pass the transaction's), so the flush that writes the change
 * writes both or neither. Every mutation of every feature records its change through here: a
 * change without its audit entry or without its event cannot be written.
 */
export async function recordChange(
  scope: ChangeScope,
  change: Change,
  em: EntityManager = scope.em,
): Promise<void> {
  auditEntry(em, scope, change);
  await recordEvent(em, {
    type: change.eventType ?? change.action,
    subjectType: change.eventSubject?.type ?? change.subjectType,
    subjectId: change.eventSubject?.id ?? change.subjectId,
    ownerIds: change.audience?.ownerIds,
    reviewerIds: change.audience?.reviewerIds,
    opdIds: change.audience?.opdIds,
    data: change.data,
  });
}

/**
 * Records an attempt that changed nothing (a refused sign-in, a throttled request), on its own
 * unit of work so that it stays when the operation fails. Not for changes: those go through
 * `recordChange`.
 */
export async function recordAttempt(
  scope: ChangeScope,
  attempt: Omit<Change, 'eventType' | 'audience' | 'data'>,
): Promise<void> {
  const fork = scope.em.fork();
  auditEntry(fork, scope, attempt);
  await fork.flush();
}
