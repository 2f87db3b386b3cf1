import type { Context } from '../../access/context.js';
import { recordEvent } from '../../realtime/outbox.js';
import { badInput, forbidden, notFound } from '../../kernel/errors.js';
import { assertAppraisalRead, relationsTo, requirePerson } from '../../access/policy.js';
import { employeeSubject, planSubject } from '../../access/subjects.js';
import { audit } from '../audit/audit.service.js';
import { Employee } from '../directory/employee.entity.js';
import { todayInDenpasar } from '../planning/period.service.js';
import { requirePeriod } from '../planning/period.service.js';
import { PerformancePlan } from '../planning/plan.entity.js';
import { CORE_VALUES, type CoreValue } from '../planning/planning.enums.js';
import { loadSettings } from '../settings/settings.service.js';
import {
  AppraisalCheckpoint,
  PeerRelation,
  PeerRequestStatus,
  Rating,
} from './evaluation.enums.js';
import { PeerFeedbackRequest, PeerFeedbackResponse } from './evaluation.entity.js';
import { meanRatingScore, peerAggregateVisible, ratingOfScore } from './evaluation.rules.js';

type Ctx = Pick<Context, 'em' | 'viewer' | 'requestId' | 'ipAddress' | 'loaders' | 'config'>;

/**
 * The subject's assessor asks peers (same supervisor) and the subject's direct reports for 360
 * feedback. Refuses anyone else as respondent, the subject themselves, and people already
 * asked. For the annual evaluation, only inside the period's evaluation window.
 */
export async function requestPeerFeedback(
  ctx: Ctx,
  input: {
    subjectId: string;
    periodId: string;
    checkpoint: AppraisalCheckpoint;
    respondentIds: string[];
  },
): Promise<PeerFeedbackRequest[]> {
  const viewer = requirePerson(ctx.viewer, 'request 360 feedback');
  if (input.respondentIds.length === 0)
    throw badInput('Choose at least one respondent.', 'respondentIds');
  if (input.respondentIds.length > 30)
    throw badInput('Ask at most 30 respondents at once.', 'respondentIds');
  return ctx.em.transactional(async (em) => {
    const period = await requirePeriod({ em }, input.periodId);
    const subject = await em.findOne(Employee, { id: input.subjectId });
    if (!subject) throw notFound(`No employee has id ${input.subjectId}.`);
    const plan = await em.findOne(PerformancePlan, { employee: subject, period });
    const assessorId = plan?.assessor?.id ?? subject.supervisor?.id ?? null;
    if (assessorId !== viewer.employeeId) {
      throw forbidden(`Only ${subject.name}'s assessor asks for 360 feedback on them.`);
    }
    if (input.checkpoint === AppraisalCheckpoint.ANNUAL) {
      const today = todayInDenpasar(ctx.config.clock());
      if (today < period.evaluationOpensOn || today > period.evaluationClosesOn) {
        throw badInput(
          `360 feedback for the annual evaluation is asked during the evaluation window (${period.evaluationOpensOn} to ${period.evaluationClosesOn}).`,
          'checkpoint',
        );
      }
    }
    const respondents = await em.find(Employee, { id: { $in: input.respondentIds } });
    const missing = input.respondentIds.filter((id) => !respondents.some((r) => r.id === id));
    if (missing.length > 0)
      throw badInput(`No employee has id ${missing.join(', ')}.`, 'respondentIds');
    const requests: PeerFeedbackRequest[] = [];
    for (const respondent of respondents) {
      if (respondent.id === subject.id)
        throw badInput(`${subject.name} cannot give 360 feedback on themselves.`, 'respondentIds');
      if (!respondent.active) throw badInput(`${respondent.name} is inactive.`, 'respondentIds');
      let relation: PeerRelation;
      if (respondent.supervisor?.id === subject.id) relation = PeerRelation.SUBORDINATE;
      else if (subject.supervisor && respondent.supervisor?.id === subject.supervisor.id)
        relation = PeerRelation.PEER;
      else {
        throw badInput(
          `${respondent.name} is neither a peer of ${subject.name} (same supervisor) nor one of their direct reports.`,
          'respondentIds',
        );
      }
      if (
        await em.count(PeerFeedbackRequest, {
          subject,
          period,
          checkpoint: input.checkpoint,
          respondent,
        })
      ) {
        throw badInput(
          `${respondent.name} has already been asked for this checkpoint.`,
          'respondentIds',
        );
      }
      const request = em.create(PeerFeedbackRequest, {
        subject,
        period,
        checkpoint: input.checkpoint,
        respondent,
        requestedByEmployeeId: viewer.employeeId,
        relation,
      });
      requests.push(request);
      await recordEvent(em, {
        type: 'peer_feedback.request',
        subjectType: 'PeerFeedbackRequest',
        subjectId: request.id,
        ownerIds: [respondent.id],
        reviewerIds: [respondent.id],
        data: { requestId: request.id },
      });
      audit(em, ctx, {
        action: 'peer_feedback.request',
        subjectType: 'PeerFeedbackRequest',
        subjectId: request.id,
        after: {
          subjectId: subject.id,
          respondentId: respondent.id,
          checkpoint: input.checkpoint,
          relation,
        },
      });
    }
    await em.flush();
    return requests;
  });
}

export async function myPeerFeedbackRequests(ctx: Ctx): Promise<PeerFeedbackRequest[]> {
  const viewer = requirePerson(ctx.viewer, 'have 360 requests');
  return ctx.em.find(
    PeerFeedbackRequest,
    { respondent: viewer.employeeId, status: PeerRequestStatus.OPEN },
    { orderBy: { requestedAt: 'asc' } },
  );
}

export interface PeerRatingInput {
  value: CoreValue;
  rating: Rating;
  comment?: string | null;
}

/**
 * The respondent answers once, rating every core value. The answer is stored without the
 * respondent; who answered is kept only in the audit trail.
 */
export async function answerPeerFeedback(
  ctx: Ctx,
  requestId: string,
  ratings: PeerRatingInput[],
): Promise<boolean> {
  const viewer = requirePerson(ctx.viewer, 'answer 360 requests');
  return ctx.em.transactional(async (em) => {
    const request = await em.findOne(PeerFeedbackRequest, { id: requestId });
    if (!request || request.respondent.id !== viewer.employeeId) {
      throw notFound(`You have no 360 request with id ${requestId}.`);
    }
    if (request.status !== PeerRequestStatus.OPEN)
      throw badInput('You have already answered this request.', 'requestId');
    const byValue = new Map(ratings.map((r) => [r.value, r]));
    const missing = CORE_VALUES.filter((v) => !byValue.has(v));
    if (missing.length > 0 || byValue.size !== ratings.length) {
      throw badInput(
        `Rate each of the 7 core values once; missing: ${missing.join(', ') || 'none (one is repeated)'}.`,
        'ratings',
      );
    }
    const comments: Record<string, string> = {};
    for (const r of ratings) {
      const text = r.comment?.trim();
      if (text && text.length > 1000)
        throw badInput(`The comment on ${r.value} is at most 1,000 characters.`, 'ratings');
      if (text) comments[r.value] = text;
    }
    const response = em.create(PeerFeedbackResponse, {
      subject: request.subject,
      period: request.period,
      checkpoint: request.checkpoint,
      relation: request.relation,
      ratings: Object.fromEntries(ratings.map((r) => [r.value, r.rating])),
      comments,
      answeredOn: todayInDenpasar(ctx.config.clock()),
    });
    request.status = PeerRequestStatus.ANSWERED;
    // Only the respondent's own queue hears of it: telling the subject when an answer came in
    // would help them guess who wrote it.
    await recordEvent(em, {
      type: 'peer_feedback.answer',
      subjectType: 'PeerFeedbackRequest',
      subjectId: request.id,
      reviewerIds: [viewer.employeeId],
    });
    audit(em, ctx, {
      action: 'peer_feedback.answer',
      subjectType: 'PeerFeedbackRequest',
      subjectId: request.id,
      after: { responseId: response.id },
    });
    await em.flush();
    return true;
  });
}

export interface ValueAggregate {
  value: CoreValue;
  responses: number;
  meanScore: number | null;
  rating: Rating | null;
  above: number;
  meets: number;
  below: number;
}

export interface PeerSummary {
  requested: number;
  responses: number;
  minimum: number;
  visible: boolean;
  values: ValueAggregate[];
  comments: { value: CoreValue; text: string }[];
}

/**
 * 360 aggregates per core value. The subject sees them only at or above the configurable minimum
 * of responses; the assessor and the assessor's supervisor also see the comments; nobody sees
 * who answered.
 */
export async function peerFeedbackSummary(
  ctx: Ctx,
  subjectId: string,
  periodId: string,
  checkpoint: AppraisalCheckpoint,
): Promise<PeerSummary> {
  const viewer = requirePerson(ctx.viewer, 'read 360 feedback');
  const subject = await ctx.em.findOne(Employee, { id: subjectId });
  if (!subject) throw notFound(`No employee has id ${subjectId}.`);
  const plan = await ctx.em.findOne(PerformancePlan, { employee: subject, period: periodId });
  // Access is decided before saying whether a plan exists.
  const who = plan
    ? await planSubject(ctx.loaders, plan)
    : await employeeSubject(ctx.loaders, subject);
  assertAppraisalRead(ctx.viewer, who);
  if (!plan) throw notFound(`${subject.name} has no plan for this period.`);
  const relations = relationsTo(viewer, who);
  const [requested, responses, settings] = await Promise.all([
    ctx.em.count(PeerFeedbackRequest, { subject, period: periodId, checkpoint }),
    ctx.em.find(PeerFeedbackResponse, { subject, period: periodId, checkpoint }),
    loadSettings(ctx.em),
  ]);
  const visible = peerAggregateVisible(responses.length, settings.peerFeedbackMinimum);
  const isSubjectOnly = relations.has('SELF') && relations.size === 1;
  const showValues = !isSubjectOnly || visible;
  const showComments = relations.has('ASSESSOR') || relations.has('ASSESSORS_SUPERVISOR');
  const values = showValues
    ? CORE_VALUES.map((value) => {
        const ratings = responses
          .map((r) => r.ratings[value])
          .filter((r): r is Rating => Boolean(r));
        const mean = meanRatingScore(ratings);
        return {
          value,
          responses: ratings.length,
          meanScore: mean,
          rating: mean === null ? null : (ratingOfScore(mean) as Rating),
          above: ratings.filter((r) => r === Rating.ABOVE).length,
          meets: ratings.filter((r) => r === Rating.MEETS).length,
          below: ratings.filter((r) => r === Rating.BELOW).length,
        };
      })
    : [];
  // Sorted by value and text, never by time or respondent, so order reveals nothing.
  const comments = showComments
    ? responses
        .flatMap((r) =>
          Object.entries(r.comments).map(([value, text]) => ({ value: value as CoreValue, text })),
        )
        .sort((a, b) =>
          a.value === b.value ? a.text.localeCompare(b.text) : a.value.localeCompare(b.value),
        )
    : [];
  return {
    requested,
    responses: responses.length,
    minimum: settings.peerFeedbackMinimum,
    visible,
    values,
    comments,
  };
}
