import { Arg, Ctx, ID, Int, Query, Resolver } from 'type-graphql';
import type { Context } from '../../access/context.js';
import { connectionTypes } from '../../kernel/connection-types.js';
import { AuditEntry } from '../../realtime/audit-entry.entity.js';
import * as auditService from './audit.service.js';

export const { ConnectionType: AuditEntryConnection } = connectionTypes(AuditEntry, 'AuditEntry');

@Resolver(() => AuditEntry)
export class AuditResolver {
  @Query(() => AuditEntryConnection, {
    description:
      'Jejak audit about a subject (or by an actor), newest first. HR admins and auditors.',
  })
  auditTrail(
    @Ctx() ctx: Context,
    @Arg('subjectId', () => ID, { nullable: true }) subjectId?: string | null,
    @Arg('actorId', () => ID, { nullable: true }) actorId?: string | null,
    @Arg('first', () => Int, { nullable: true }) first?: number | null,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
  ) {
    return auditService.auditTrail(ctx, { subjectId, actorId, first, after });
  }
}
