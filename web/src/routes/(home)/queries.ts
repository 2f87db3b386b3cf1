import { graphql } from '$lib/gql';

export const PeriodFields = graphql(`
  fragment PeriodFields on Period {
    id
    name
    year
    startsOn
    endsOn
    checkpoints {
      key
      name
      startsOn
      endsOn
    }
    planningWindow {
      opensOn
      closesOn
    }
    evaluationWindow {
      opensOn
      closesOn
    }
  }
`);

/** Cold start only: the page does not know the current period's id yet. */
export const CurrentPeriodQuery = graphql(`
  query CurrentPeriod {
    currentPeriod {
      ...PeriodFields
    }
  }
`);

export const MyPlanFields = graphql(`
  fragment MyPlanFields on PerformancePlan {
    id
    status
    version
    progress
    positionTitle
    revisionNote
    reopenReason
    submittedAt
    approvedAt
    assessor {
      id
      name
      positionTitle
    }
    workResults {
      id
      kind
      text
      position
      progress
      parent {
        id
        text
        owner {
          id
          name
        }
      }
      indicators {
        id
        aspect
        text
        position
        quantitative
        targetValue
        targetUnit
        targetText
        progress
      }
    }
    behaviourExpectations {
      id
      value
      expectation
    }
  }
`);

export const MyAppraisalFields = graphql(`
  fragment MyAppraisalFields on Appraisal {
    id
    checkpoint
    status
    resultRating
    behaviourRating
    predikat
    predikatName
    overallNote
    submittedAt
    finalisedAt
    functionalCreditPercent
    assessor {
      id
      name
    }
    valueNotes {
      value
      note
    }
    selfAssessment {
      id
      resultRating
      behaviourRating
      predikat
      submittedAt
    }
    appeal {
      id
      status
      decision
      decisionNote
      reason
      filedAt
      decidedAt
      decider {
        id
        name
      }
      explanations {
        id
        from
        question
        answer
        askedAt
        answeredAt
        askedOf {
          id
        }
      }
    }
  }
`);

export const FeedbackFields = graphql(`
  fragment FeedbackFields on Feedback {
    id
    body
    createdAt
    author {
      id
      name
    }
    workResult {
      id
      text
    }
    indicator {
      id
      text
    }
    replies {
      id
      body
      createdAt
      author {
        id
        name
      }
    }
  }
`);

/**
 * Everything of the first screen that needs only the person and the period, in one request.
 * `currentPeriod` comes along to confirm the period id the page started from.
 */
export const MyPerformanceQuery = graphql(`
  query MyPerformance($employeeId: ID!, $periodId: ID!) {
    currentPeriod {
      ...PeriodFields
    }
    performancePlanFor(employeeId: $employeeId, periodId: $periodId) {
      ...MyPlanFields
    }
    appraisalsFor(employeeId: $employeeId, periodId: $periodId) {
      ...MyAppraisalFields
    }
    feedbackFeed(periodId: $periodId, first: 10) {
      totalCount
      nodes {
        ...FeedbackFields
      }
    }
    myPeerFeedbackRequests {
      id
      checkpoint
      relation
      requestedAt
      subject {
        id
        name
        positionTitle
      }
      period {
        id
        name
      }
    }
    systemSettings {
      activityWindowDays
      appealWindowDays
      peerFeedbackMinimum
    }
  }
`);

export const ActivityFields = graphql(`
  fragment ActivityFields on Activity {
    id
    date
    description
    output
    durationMinutes
    evidenceUrls
    status
    reviewNote
    reviewedAt
    createdAt
    version
    indicator {
      id
      text
      targetUnit
    }
  }
`);

/** What needs the plan's id: the month's work and reports, and the 360 aggregates. */
export const MyMonthQuery = graphql(`
  query MyMonth(
    $planId: ID!
    $month: Int!
    $employeeId: ID!
    $periodId: ID!
    $checkpoint: AppraisalCheckpoint!
    $withPeer: Boolean!
  ) {
    monthlyReports(planId: $planId) {
      id
      month
      status
      note
      submittedAt
      verifiedAt
    }
    activities(planId: $planId, month: $month, first: 50) {
      totalCount
      nodes {
        ...ActivityFields
      }
    }
    peerFeedbackSummary(checkpoint: $checkpoint, periodId: $periodId, subjectId: $employeeId)
      @include(if: $withPeer) {
      requested
      responses
      minimum
      visible
      values {
        value
        responses
        meanScore
        rating
        above
        meets
        below
      }
    }
  }
`);
