import { graphql } from '$lib/gql';

export const PlacementFields = graphql(`
  fragment PlacementFields on TalentPlacement {
    employeeId
    box
    performance
    predikat
    potential
    potentialSource
    ratingCheckpoint
    fallback
    note
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
`);

export const PlacementPageFields = graphql(`
  fragment PlacementPageFields on TalentPlacementConnection {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      node {
        ...PlacementFields
      }
    }
  }
`);

export const UnplacedPageFields = graphql(`
  fragment UnplacedPageFields on UnplacedEmployeeConnection {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      node {
        employeeId
        reason
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
 * The grid of an OPD for a period with the count in each box (not the people: they come when a
 * box is opened), the first of who could not be placed (by name, with why), and the first
 * promotion and award candidates.
 */
export const TalentOverviewQuery = graphql(`
  query TalentOverview($orgUnitId: ID!, $periodId: ID!) {
    talentGrid(orgUnitId: $orgUnitId, periodId: $periodId) {
      fallbackCount
      boxes {
        box
        count
      }
      unplaced(first: 20) {
        ...UnplacedPageFields
      }
    }
    promotionCandidates(periodId: $periodId, orgUnitId: $orgUnitId, first: 10) {
      ...PlacementPageFields
    }
    awardCandidates(periodId: $periodId, orgUnitId: $orgUnitId, first: 10) {
      ...PlacementPageFields
    }
  }
`);

/** A page of the people of the box that was opened. */
export const TalentBoxQuery = graphql(`
  query TalentBox($orgUnitId: ID!, $periodId: ID!, $box: Int!, $after: String) {
    talentGrid(orgUnitId: $orgUnitId, periodId: $periodId) {
      boxes(box: $box) {
        box
        placements(first: 20, after: $after) {
          ...PlacementPageFields
        }
      }
    }
  }
`);

/** The next page of who could not be placed. */
export const MoreUnplacedQuery = graphql(`
  query MoreUnplaced($orgUnitId: ID!, $periodId: ID!, $after: String!) {
    talentGrid(orgUnitId: $orgUnitId, periodId: $periodId) {
      unplaced(first: 20, after: $after) {
        ...UnplacedPageFields
      }
    }
  }
`);

export const MorePromotionCandidatesQuery = graphql(`
  query MorePromotionCandidates($orgUnitId: ID!, $periodId: ID!, $after: String!) {
    promotionCandidates(periodId: $periodId, orgUnitId: $orgUnitId, first: 20, after: $after) {
      ...PlacementPageFields
    }
  }
`);

export const MoreAwardCandidatesQuery = graphql(`
  query MoreAwardCandidates($orgUnitId: ID!, $periodId: ID!, $after: String!) {
    awardCandidates(periodId: $periodId, orgUnitId: $orgUnitId, first: 20, after: $after) {
      ...PlacementPageFields
    }
  }
`);

export const RecordPotentialMutation = graphql(`
  mutation RecordPotential($input: PotentialInput!) {
    recordPotential(input: $input) {
      id
      level
    }
  }
`);
