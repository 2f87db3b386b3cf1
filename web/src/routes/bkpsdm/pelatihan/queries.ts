import { graphql } from '$lib/gql';

export const CatalogueTrainingFields = graphql(`
  fragment CatalogueTrainingFields on Training {
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
    active
    version
    competencies {
      key
      name
      kind
      level
    }
  }
`);

/** A page of the catalogue, the competencies to pick from, and how many standards there are. */
export const TrainingCatalogueQuery = graphql(`
  query TrainingCatalogue($filter: TrainingFilterInput, $after: String) {
    trainings(filter: $filter, first: 20, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          ...CatalogueTrainingFields
        }
      }
    }
    competencies {
      key
      name
      kind
    }
    competencyStandards(first: 1) {
      totalCount
    }
  }
`);

export const SaveTrainingMutation = graphql(`
  mutation SaveTraining($input: TrainingInput!) {
    saveTraining(input: $input) {
      ...CatalogueTrainingFields
    }
  }
`);

export const CompletionSearchQuery = graphql(`
  query CompletionSearch($search: String!) {
    employees(filter: { search: $search }, first: 10) {
      totalCount
      nodes {
        id
        nip
        name
        positionTitle
        orgUnit {
          id
          name
        }
      }
    }
  }
`);

/** The trainings of one person, to record a completion. */
export const EnrolmentsToCompleteQuery = graphql(`
  query EnrolmentsToComplete($employeeId: ID!) {
    enrolments(employeeId: $employeeId, first: 50) {
      totalCount
      edges {
        node {
          id
          status
          completedOn
          jpCredited
          enrolledAt
          training {
            id
            title
            jp
            mode
            provider
            startsOn
            endsOn
          }
        }
      }
    }
  }
`);

/** Who is on one training (HR admins and auditors), a page of 20 by name; every status or one. */
export const TrainingPeopleQuery = graphql(`
  query TrainingPeople($trainingId: ID!, $status: EnrolmentStatus, $after: String) {
    training(id: $trainingId) {
      id
      title
      jp
      enrolments(status: $status, first: 20, after: $after) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        edges {
          node {
            id
            status
            completedOn
            jpCredited
            enrolledAt
            assignedAt
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
          }
        }
      }
    }
  }
`);

export const CompleteEnrolmentMutation = graphql(`
  mutation CompleteEnrolment($enrolmentId: ID!, $completedOn: Date, $jp: Int) {
    completeEnrolment(enrolmentId: $enrolmentId, completedOn: $completedOn, jp: $jp) {
      id
      status
      completedOn
      jpCredited
    }
  }
`);

export const StandardsCsvQuery = graphql(`
  query StandardsCsv {
    competencyStandardsCsv
  }
`);

export const ImportStandardsMutation = graphql(`
  mutation ImportStandards($csv: String!) {
    importCompetencyStandards(csv: $csv) {
      created
      updated
    }
  }
`);
