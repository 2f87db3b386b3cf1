import { graphql } from '$lib/gql';

export const DevelopmentTrainingFields = graphql(`
  fragment DevelopmentTrainingFields on Training {
    id
    title
    jp
    mode
    provider
    startsOn
    endsOn
    capacity
    seatsTaken
    publicServiceFocus
    competencies {
      key
      name
      level
    }
  }
`);

export const DevelopmentEnrolmentFields = graphql(`
  fragment DevelopmentEnrolmentFields on Enrolment {
    id
    status
    reason
    assignedAt
    enrolledAt
    cancelledAt
    completedOn
    jpCredited
    version
    assignedBy {
      id
      name
    }
    training {
      ...DevelopmentTrainingFields
    }
  }
`);

/**
 * The whole first screen of one person's development in one request: JP this year, gaps against
 * the standard of the position, recommendations with their reasons, trainings and assessments.
 */
export const PersonDevelopmentQuery = graphql(`
  query PersonDevelopment($employeeId: ID!, $year: Int!) {
    developmentHours(employeeId: $employeeId, year: $year) {
      year
      jp
      minimum
      remaining
      reached
      share
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
      completions {
        id
        completedOn
        jpCredited
        training {
          id
          title
          mode
          provider
        }
      }
    }
    competencyGaps(employeeId: $employeeId) {
      standard {
        id
        positionTitle
        jobType
        publicService
      }
      gaps {
        key
        name
        kind
        required
        assessed
        gap
      }
    }
    trainingRecommendations(employeeId: $employeeId, limit: 6) {
      rank
      basis
      competencyKey
      reason
      training {
        ...DevelopmentTrainingFields
      }
    }
    enrolments(employeeId: $employeeId, first: 20) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          ...DevelopmentEnrolmentFields
        }
      }
    }
    competencyAssessments(employeeId: $employeeId, first: 10) {
      totalCount
      edges {
        node {
          id
          competencyKey
          competencyName
          level
          source
          assessedOn
          assessor {
            id
            name
          }
        }
      }
    }
  }
`);

/** The next page of a person's trainings. */
export const MoreEnrolmentsQuery = graphql(`
  query MoreEnrolments($employeeId: ID!, $after: String!) {
    enrolments(employeeId: $employeeId, first: 20, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          ...DevelopmentEnrolmentFields
        }
      }
    }
  }
`);

export const EnrolMutation = graphql(`
  mutation EnrolInTraining($trainingId: ID!) {
    enrolInTraining(trainingId: $trainingId) {
      id
      status
    }
  }
`);

export const CancelEnrolmentMutation = graphql(`
  mutation CancelEnrolment($enrolmentId: ID!) {
    cancelEnrolment(enrolmentId: $enrolmentId) {
      id
      status
    }
  }
`);

export const AssignTrainingMutation = graphql(`
  mutation AssignTraining($employeeId: ID!, $trainingId: ID!, $reason: String) {
    assignTraining(employeeId: $employeeId, trainingId: $trainingId, reason: $reason) {
      id
      status
    }
  }
`);
