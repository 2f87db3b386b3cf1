import { assertAppraisalRead, relationsTo, requirePerson } from '../../access/policy.js';
import { todayInDenpasar } from '../../kernel/calendar.js';
import type { Scope } from '../../kernel/scope.js';
import { recordChange } from '../../realtime/change.js';
import { Employee, employeeSubject, planSubject } from '../directory/index.js';
import { CORE_VALUES, type CoreValue, PerformancePlan, requirePeriod } from '../planning/index.js';
import { loadSettings } from '../settings/index.js';
import {
  AppraisalCheckpoint,
  PeerRelation,
  PeerRequestStatus,
  Rating,
} from './evaluation.enums.js';
import { PeerFeedbackRequest, PeerFeedbackResponse } from './evaluation.entity.js';
import { peerFeedbackReasons } from './evaluation.reasons.js';
import { meanRatingScore, peerAggregateVisible, ratingOfScore } from './evaluation.rules.js';

/**
 * The subject's assessor asks peers (same supervisor) and the subject's direct reports for 360
 * feedback. Refuses anyone else as respondent, the subject themselves, and people already
 * asked. For the annual evaluation, only inside the period's evaluation window.
 */
export async function requestPeerFeedback(
  scope: Scope,
  input: {
    subjectId: string;
    periodId: string;
    checkpoint: AppraisalCheckpoint;
    respondentIds: string[];
  },
): Promise<PeerFeedbackRequest[]> {
  const viewer = requirePerson(scope.viewer, 'request 360 feedback');
  if (input.respondentIds.length === 0) throw peerFeedbackReasons.noRespondents();
  if (input.respondentIds.length > 30) throw peerFeedbackReasons.tooManyRespondents();
  return scope.em.transactional(async (em) => {
    const period = await requirePeriod({ em }, input.periodId);
    const subject = await em.findOne(Employee, { id: input.subjectId });
    if (!subject) throw peerFeedbackReasons.subjectNotFound({ id: input.subjectId });
    const plan = await em.findOne(PerformancePlan, { employee: subject, period });
    const assessorId = plan?.assessor?.id ?? subject.supervisor?.id ?? null;
    if (assessorId !== viewer.employeeId) {
      throw peerFeedbackReasons.onlyAssessorAsks({ subjectName: subject.name });
    }
    if (input.checkpoint === AppraisalCheckpoint.ANNUAL) {
      const today = todayInDenpasar(scope.config.clock());
      if (today < period.evaluationOpensOn || today > period.evaluationClosesOn) {
        throw peerFeedbackReasons.outsideEvaluationWindow({
          opensOn: period.evaluationOpensOn,
          closesOn: period.evaluationClosesOn,
        });
      }
    }
    const respondents = await em.find(Employee, { id: { $in: input.respondentIds } });
    const missing = input.respondentIds.filter((id) => !respondents.some((r) => r.id === id));
    if (missing.length > 0) {
      throw peerFeedbackReasons.respondentsNotFound({ ids: missing.join(', ') });
    }
    const requests: PeerFeedbackRequest[] = [];
    for (const respondent of respondents) {
      if (respondent.id === subject.id) {
        throw peerFeedbackReasons.respondentIsSubject({ subjectName: subject.name });
      }
      if (!respondent.active) {
        throw peerFeedbackReasons.respondentInactive({ respondentName: respondent.name });
      }
      let relation: PeerRelation;
      if (respondent.supervisor?.id === subject.id) relation = PeerRelation.SUBORDINATE;
      else if (subject.supervisor && respondent.supervisor?.id === subject.supervisor.id)
        relation = PeerRelation.PEER;
      else {
        throw peerFeedbackReasons.respondentNotPeerOrReport({
          respondentName: respondent.name,
          subjectName: subject.name,
        });
      }
      if (
        await em.count(PeerFeedbackRequest, {
          subject,
          period,
          checkpoint: input.checkpoint,
          respondent,
        })
      ) {
        throw peerFeedbackReasons.alreadyAsked({ respondentName: respondent.name });
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
      await recordChange(
        scope,
        {
          action: 'peer_feedback.request',
          subjectType: 'PeerFeedbackRequest',
          subjectId: request.id,
          after: {
            subjectId: subject.id,
            respondentId: respondent.id,
            checkpoint: input.checkpoint,
            relation,
          },
          audience: { ownerIds: [respondent.id], reviewerIds: [respondent.id] },
          data: { requestId: request.id },
        },
        em,
      );
    }
    await em.flush();
    return requests;
  });
}

export async function myPeerFeedbackRequests(scope: Scope): Promise<PeerFeedbackRequest[]> {
  const viewer = requirePerson(scope.viewer, 'have 360 requests');
  return scope.em.find(
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
  scope: Scope,
  requestId: string,
  ratings: PeerRatingInput[],
): Promise<boolean> {
  const viewer = requirePerson(scope.viewer, 'answer 360 requests');
  return scope.em.transactional(async (em) => {
    const request = await em.findOne(PeerFeedbackRequest, { id: requestId });
    if (!request || request.respondent.id !== viewer.employeeId) {
      throw peerFeedbackReasons.requestNotFound({ id: requestId });
    }
    if (request.status !== PeerRequestStatus.OPEN) throw peerFeedbackReasons.alreadyAnswered();
    const byValue = new Map(ratings.map((r) => [r.value, r]));
    const missing = CORE_VALUES.filter((v) => !byValue.has(v));
    if (missing.length > 0) {
      throw peerFeedbackReasons.valuesMissing({ missing: missing.join(', ') });
    }
    if (byValue.size !== ratings.length) throw peerFeedbackReasons.valueRepeated();
    const comments: Record<string, string> = {};
    for (const r of ratings) {
      const text = r.comment?.trim();
      if (text && text.length > 1000) {
        throw peerFeedbackReasons.commentTooLong({ value: r.value });
      }
      if (text) comments[r.value] = text;
    }
    const response = em.create(PeerFeedbackResponse, {
      subject: request.subject,
      period: request.period,
      checkpoint: request.checkpoint,
      relation: request.relation,
      ratings: Object.fromEntries(ratings.map((r) => [r.value, r.rating])),
      comments,
      answeredOn: todayInDenpasar(scope.config.clock()),
    });
    request.status = PeerRequestStatus.ANSWERED;
    // Only the respondent's own queue hears of it: telling the subject when an answer came in
    // would help them guess who wrote it.
    await recordChange(
      scope,
      {
        action: 'peer_feedback.answer',
        subjectType: 'PeerFeedbackRequest',
        subjectId: request.id,
        after: { responseId: response.id },
        audience: { reviewerIds: [viewer.employeeId] },
      },
      em,
    );
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
 * 360 aggregates per core value, shown to everyone who may read the appraisal only at or above
 * the configurable minimum of responses (below it, only the counts); the assessor and the
 * assessor's supervisor also see the comments then; nobody ever sees who answered.
 */
export async function peerFeedbackSummary(
  scope: Scope,
  subjectId: string,
  periodId: string,
  checkpoint: AppraisalCheckpoint,
): Promise<PeerSummary> {
  const viewer = requirePerson(scope.viewer, 'read 360 feedback');
  const subject = await scope.em.findOne(Employee, { id: subjectId });
  if (!subject) throw peerFeedbackReasons.subjectNotFound({ id: subjectId });
  const plan = await scope.em.findOne(PerformancePlan, { employee: subject, period: periodId });
  // Access is decided before saying whether a plan exists.
  const who = plan
    ? await planSubject(scope.loaders, plan)
    : await employeeSubject(scope.loaders, subject);
  assertAppraisalRead(scope.viewer, who);
  if (!plan) throw peerFeedbackReasons.noPlan({ subjectName: subject.name });
  const relations = relationsTo(viewer, who);
  const [requested, responses, settings] = await Promise.all([
    scope.em.count(PeerFeedbackRequest, { subject, period: periodId, checkpoint }),
    scope.em.find(PeerFeedbackResponse, { subject, period: periodId, checkpoint }),
    loadSettings(scope.em),
  ]);
  const visible = peerAggregateVisible(responses.length, settings.peerFeedbackMinimum);
  // Below the minimum a "mean" is one person's answer: nobody sees values or comments then, not
  // the assessor, not an admin or auditor who is also the subject (the audit trail keeps them).
  const showValues = visible;
  const showComments =
    visible && (relations.has('ASSESSOR') || relations.has('ASSESSORS_SUPERVISOR'));
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
