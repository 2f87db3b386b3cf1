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
 * The unit and, for those who may read them (unit admins of its OPD, HR admins, auditors), its
 * JP progress with who is behind and its weakest competencies: the first view in one request.
 */
export const UnitDevelopmentQuery = graphql(`
  query UnitDevelopment($orgUnitId: ID!, $year: Int!, $unitWide: Boolean!) {
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

export const TeamHoursFields = graphql(`
  fragment TeamHoursFields on DevelopmentHours {
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
    }
  }
`);

export const TeamGapsFields = graphql(`
  fragment TeamGapsFields on CompetencyGaps {
    gaps {
      key
      name
      gap
    }
  }
`);

// A supervisor reads the development of each direct report (not of the whole unit): JP and gaps
// of up to 10 people per request, one alias per person and field, switched off with @include
// when a batch is shorter (20 aliases and 20 directives, within the limits of 30 and 20).

/** JP and gaps of up to 10 direct reports. */
export const TeamDevelopmentBatchQuery = graphql(`
  query TeamDevelopmentBatch(
    $year: Int!
    $e0: ID!
    $i0: Boolean!
    $e1: ID!
    $i1: Boolean!
    $e2: ID!
    $i2: Boolean!
    $e3: ID!
    $i3: Boolean!
    $e4: ID!
    $i4: Boolean!
    $e5: ID!
    $i5: Boolean!
    $e6: ID!
    $i6: Boolean!
    $e7: ID!
    $i7: Boolean!
    $e8: ID!
    $i8: Boolean!
    $e9: ID!
    $i9: Boolean!
  ) {
    h0: developmentHours(employeeId: $e0, year: $year) @include(if: $i0) {
      ...TeamHoursFields
    }
    g0: competencyGaps(employeeId: $e0) @include(if: $i0) {
      ...TeamGapsFields
    }
    h1: developmentHours(employeeId: $e1, year: $year) @include(if: $i1) {
      ...TeamHoursFields
    }
    g1: competencyGaps(employeeId: $e1) @include(if: $i1) {
      ...TeamGapsFields
    }
    h2: developmentHours(employeeId: $e2, year: $year) @include(if: $i2) {
      ...TeamHoursFields
    }
    g2: competencyGaps(employeeId: $e2) @include(if: $i2) {
      ...TeamGapsFields
    }
    h3: developmentHours(employeeId: $e3, year: $year) @include(if: $i3) {
      ...TeamHoursFields
    }
    g3: competencyGaps(employeeId: $e3) @include(if: $i3) {
      ...TeamGapsFields
    }
    h4: developmentHours(employeeId: $e4, year: $year) @include(if: $i4) {
      ...TeamHoursFields
    }
    g4: competencyGaps(employeeId: $e4) @include(if: $i4) {
      ...TeamGapsFields
    }
    h5: developmentHours(employeeId: $e5, year: $year) @include(if: $i5) {
      ...TeamHoursFields
    }
    g5: competencyGaps(employeeId: $e5) @include(if: $i5) {
      ...TeamGapsFields
    }
    h6: developmentHours(employeeId: $e6, year: $year) @include(if: $i6) {
      ...TeamHoursFields
    }
    g6: competencyGaps(employeeId: $e6) @include(if: $i6) {
      ...TeamGapsFields
    }
    h7: developmentHours(employeeId: $e7, year: $year) @include(if: $i7) {
      ...TeamHoursFields
    }
    g7: competencyGaps(employeeId: $e7) @include(if: $i7) {
      ...TeamGapsFields
    }
    h8: developmentHours(employeeId: $e8, year: $year) @include(if: $i8) {
      ...TeamHoursFields
    }
    g8: competencyGaps(employeeId: $e8) @include(if: $i8) {
      ...TeamGapsFields
    }
    h9: developmentHours(employeeId: $e9, year: $year) @include(if: $i9) {
      ...TeamHoursFields
    }
    g9: competencyGaps(employeeId: $e9) @include(if: $i9) {
      ...TeamGapsFields
    }
  }
`);

export const TEAM_BATCH_SIZE = 10;
