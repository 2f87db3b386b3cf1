import { graphql } from '$lib/gql';

export const BehindFields = graphql(`
  fragment BehindFields on JpStandingConnection {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      node {
        employeeId
        jp
        minimum
        remaining
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
      }
    }
  }
`);

/**
 * The unit and, for those who may read them (people who work in it or above or below it, unit
 * admins of its OPD, HR admins, auditors), its JP progress with who is behind and its weakest
 * competencies; and the people the viewer assesses, by name: the first view in one request.
 */
export const UnitDevelopmentQuery = graphql(`
  query UnitDevelopment($orgUnitId: ID!, $year: Int!, $unitWide: Boolean!) {
    me {
      employee {
        id
        directReports {
          id
          name
          positionTitle
        }
      }
    }
    orgUnit(id: $orgUnitId) {
      id
      code
      name
      shortName
      kind
      parent {
        id
        name
      }
      opd {
        id
        name
      }
    }
    unitDevelopmentHours(orgUnitId: $orgUnitId, year: $year) @include(if: $unitWide) {
      year
      total
      reached
      share
      behind(first: 20) {
        ...BehindFields
      }
    }
    unitCompetencyGaps(orgUnitId: $orgUnitId) @include(if: $unitWide) {
      people
      assessedPeople
      competencies {
        key
        name
        kind
        assessedPeople
        peopleWithGap
        averageGap
        largestGap
      }
    }
  }
`);

/** The next page of the people behind on their JP. */
export const UnitBehindMoreQuery = graphql(`
  query UnitBehindMore($orgUnitId: ID!, $year: Int!, $after: String!) {
    unitDevelopmentHours(orgUnitId: $orgUnitId, year: $year) {
      behind(first: 20, after: $after) {
        ...BehindFields
      }
    }
  }
`);
