import { graphql } from '$lib/gql';

export const QueueActivityFields = graphql(`
  fragment QueueActivityFields on Activity {
    id
    date
    description
    output
    durationMinutes
    evidenceUrls
    createdAt
    status
    indicator {
      id
      text
      targetUnit
      targetValue
    }
  }
`);

export const AppealFields = graphql(`
  fragment AppealFields on Appeal {
    id
    status
    reason
    filedAt
    employee {
      id
      name
      positionTitle
    }
    appraisal {
      id
      checkpoint
      status
      resultRating
      behaviourRating
      predikat
      overallNote
      finalisedAt
      assessor {
        id
        name
      }
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
        name
      }
    }
  }
`);

/**
 * Everything waiting for the viewer. Plans and appraisal evidence are not in it: they are asked
 * for when the reviewer opens them (the whole queue with every plan would exceed the cost limit).
 */
export const ReviewQueueQuery = graphql(`
  query ReviewQueue($after: String) {
    reviewQueue(activitiesPerPerson: 50) {
      total
      activitiesAwaitingReview
      plansAwaitingApproval
      monthlyReportsAwaitingVerification
      appraisalsToComplete
      dueCheckpoint
      peerFeedbackRequests {
        id
        checkpoint
        relation
        requestedAt
        subject {
          id
          name
          positionTitle
        }
      }
      explanationsRequested {
        id
        from
        question
        askedAt
      }
      appealsToDecide {
        ...AppealFields
      }
      people(first: 25, after: $after) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        nodes {
          count
          activityCount
          oldestWaitingSince
          employee {
            id
            nip
            name
            positionTitle
            orgUnit {
              id
              name
            }
          }
          activitiesAwaitingReview {
            ...QueueActivityFields
          }
          monthlyReportsAwaitingVerification {
            id
            month
            status
            submittedAt
            version
          }
          plansAwaitingApproval {
            id
            version
            status
            submittedAt
          }
          appraisalsToComplete {
            checkpoint
            plan {
              id
              period {
                id
                year
              }
            }
            appraisal {
              id
              version
              status
            }
          }
        }
      }
    }
  }
`);

export const PlanToReviewQuery = graphql(`
  query PlanToReview($planId: ID!) {
    performancePlan(id: $planId) {
      id
      version
      status
      submittedAt
      positionTitle
      workResults {
        id
        kind
        text
        parent {
          id
          text
        }
        indicators {
          id
          aspect
          text
          quantitative
          targetValue
          targetUnit
          targetText
        }
      }
      behaviourExpectations {
        id
        value
        expectation
      }
    }
  }
`);

export const AppraisalFormFields = graphql(`
  fragment AppraisalFormFields on Appraisal {
    id
    version
    status
    checkpoint
    resultRating
    behaviourRating
    predikat
    overallNote
    valueNotes {
      value
      note
    }
    selfAssessment {
      id
      resultRating
      behaviourRating
      predikat
      overallNote
      submittedAt
      valueNotes {
        value
        note
      }
    }
    evidence {
      planProgress
      approvedActivities
      recentActivities {
        id
        date
        description
        output
        evidenceUrls
        indicator {
          id
          text
          targetUnit
        }
      }
      feedback {
        id
        body
        createdAt
        author {
          id
          name
        }
      }
    }
  }
`);

/** The appraisal being written, with its evidence and the person's self-assessment. */
export const AppraisalToWriteQuery = graphql(`
  query AppraisalToWrite($appraisalId: ID!) {
    appraisal(id: $appraisalId) {
      ...AppraisalFormFields
    }
  }
`);

/**
 * Evidence before the first save: the server keeps evidence (and the self-assessment) on the
 * appraisal, which exists only once saved, so the same facts are read from the plan.
 */
export const PlanEvidenceQuery = graphql(`
  query PlanEvidence($planId: ID!) {
    performancePlan(id: $planId) {
      id
      progress
      workResults {
        id
        text
        progress
      }
    }
    activities(planId: $planId, status: APPROVED, first: 20) {
      totalCount
      nodes {
        id
        date
        description
        output
        evidenceUrls
        indicator {
          id
          text
          targetUnit
        }
      }
    }
  }
`);
