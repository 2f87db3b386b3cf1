import { graphql } from '$lib/gql';

export const UnitQuery = graphql(`
  query Unit($id: ID!) {
    orgUnit(id: $id) {
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
      children {
        id
        name
        kind
      }
    }
    periods {
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
      evaluationWindow {
        opensOn
        closesOn
      }
    }
  }
`);

export const UnitDistributionQuery = graphql(`
  query UnitDistribution($orgUnitId: ID!, $periodId: ID!, $checkpoint: AppraisalCheckpoint!) {
    distribution(orgUnitId: $orgUnitId, periodId: $periodId, checkpoint: $checkpoint) {
      checkpoint
      total
      drafts
      submitted
      final
      holds
      opd {
        id
        name
      }
      orgRating {
        id
        rating
        justification
      }
      pattern {
        orgRating
        text
      }
      counts {
        predikat
        count
        share
      }
      rules {
        description
        predikat
        max
        min
        count
        allowedMax
        requiredMin
        holds
        problem
      }
    }
  }
`);

/** The people of the unit and every unit below it, a page at a time, ordered by name. */
export const UnitPeopleQuery = graphql(`
  query UnitPeople($orgUnitId: ID!, $first: Int!, $after: String) {
    employees(filter: { orgUnitId: $orgUnitId }, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        nip
        name
        positionTitle
        jobType
        orgUnit {
          id
          name
        }
      }
    }
  }
`);

export const UnitPlanFields = graphql(`
  fragment UnitPlanFields on PerformancePlan {
    id
    status
    progress
  }
`);

export const UnitActivityFields = graphql(`
  fragment UnitActivityFields on ActivityConnection {
    totalCount
    nodes {
      date
      status
    }
  }
`);

// The API has no per-unit summary yet (plan statuses, activities per month), so the dashboard
// asks for the people's plans and activities in batches of 15: one alias per person, switched
// off with @include when a batch is shorter. 15 keeps under the limits of 30 aliases and 20
// directives per operation.

/** Plans of up to 15 people. */
export const UnitPlansBatchQuery = graphql(`
  query UnitPlansBatch(
    $periodId: ID!
    $e0: ID!
    $h0: Boolean!
    $e1: ID!
    $h1: Boolean!
    $e2: ID!
    $h2: Boolean!
    $e3: ID!
    $h3: Boolean!
    $e4: ID!
    $h4: Boolean!
    $e5: ID!
    $h5: Boolean!
    $e6: ID!
    $h6: Boolean!
    $e7: ID!
    $h7: Boolean!
    $e8: ID!
    $h8: Boolean!
    $e9: ID!
    $h9: Boolean!
    $e10: ID!
    $h10: Boolean!
    $e11: ID!
    $h11: Boolean!
    $e12: ID!
    $h12: Boolean!
    $e13: ID!
    $h13: Boolean!
    $e14: ID!
    $h14: Boolean!
  ) {
    p0: performancePlanFor(employeeId: $e0, periodId: $periodId) @include(if: $h0) {
      ...UnitPlanFields
    }
    p1: performancePlanFor(employeeId: $e1, periodId: $periodId) @include(if: $h1) {
      ...UnitPlanFields
    }
    p2: performancePlanFor(employeeId: $e2, periodId: $periodId) @include(if: $h2) {
      ...UnitPlanFields
    }
    p3: performancePlanFor(employeeId: $e3, periodId: $periodId) @include(if: $h3) {
      ...UnitPlanFields
    }
    p4: performancePlanFor(employeeId: $e4, periodId: $periodId) @include(if: $h4) {
      ...UnitPlanFields
    }
    p5: performancePlanFor(employeeId: $e5, periodId: $periodId) @include(if: $h5) {
      ...UnitPlanFields
    }
    p6: performancePlanFor(employeeId: $e6, periodId: $periodId) @include(if: $h6) {
      ...UnitPlanFields
    }
    p7: performancePlanFor(employeeId: $e7, periodId: $periodId) @include(if: $h7) {
      ...UnitPlanFields
    }
    p8: performancePlanFor(employeeId: $e8, periodId: $periodId) @include(if: $h8) {
      ...UnitPlanFields
    }
    p9: performancePlanFor(employeeId: $e9, periodId: $periodId) @include(if: $h9) {
      ...UnitPlanFields
    }
    p10: performancePlanFor(employeeId: $e10, periodId: $periodId) @include(if: $h10) {
      ...UnitPlanFields
    }
    p11: performancePlanFor(employeeId: $e11, periodId: $periodId) @include(if: $h11) {
      ...UnitPlanFields
    }
    p12: performancePlanFor(employeeId: $e12, periodId: $periodId) @include(if: $h12) {
      ...UnitPlanFields
    }
    p13: performancePlanFor(employeeId: $e13, periodId: $periodId) @include(if: $h13) {
      ...UnitPlanFields
    }
    p14: performancePlanFor(employeeId: $e14, periodId: $periodId) @include(if: $h14) {
      ...UnitPlanFields
    }
  }
`);

/** The latest 100 activities of up to 15 plans. */
export const UnitActivitiesBatchQuery = graphql(`
  query UnitActivitiesBatch(
    $a0: ID!
    $h0: Boolean!
    $a1: ID!
    $h1: Boolean!
    $a2: ID!
    $h2: Boolean!
    $a3: ID!
    $h3: Boolean!
    $a4: ID!
    $h4: Boolean!
    $a5: ID!
    $h5: Boolean!
    $a6: ID!
    $h6: Boolean!
    $a7: ID!
    $h7: Boolean!
    $a8: ID!
    $h8: Boolean!
    $a9: ID!
    $h9: Boolean!
    $a10: ID!
    $h10: Boolean!
    $a11: ID!
    $h11: Boolean!
    $a12: ID!
    $h12: Boolean!
    $a13: ID!
    $h13: Boolean!
    $a14: ID!
    $h14: Boolean!
  ) {
    a0: activities(planId: $a0, first: 100) @include(if: $h0) {
      ...UnitActivityFields
    }
    a1: activities(planId: $a1, first: 100) @include(if: $h1) {
      ...UnitActivityFields
    }
    a2: activities(planId: $a2, first: 100) @include(if: $h2) {
      ...UnitActivityFields
    }
    a3: activities(planId: $a3, first: 100) @include(if: $h3) {
      ...UnitActivityFields
    }
    a4: activities(planId: $a4, first: 100) @include(if: $h4) {
      ...UnitActivityFields
    }
    a5: activities(planId: $a5, first: 100) @include(if: $h5) {
      ...UnitActivityFields
    }
    a6: activities(planId: $a6, first: 100) @include(if: $h6) {
      ...UnitActivityFields
    }
    a7: activities(planId: $a7, first: 100) @include(if: $h7) {
      ...UnitActivityFields
    }
    a8: activities(planId: $a8, first: 100) @include(if: $h8) {
      ...UnitActivityFields
    }
    a9: activities(planId: $a9, first: 100) @include(if: $h9) {
      ...UnitActivityFields
    }
    a10: activities(planId: $a10, first: 100) @include(if: $h10) {
      ...UnitActivityFields
    }
    a11: activities(planId: $a11, first: 100) @include(if: $h11) {
      ...UnitActivityFields
    }
    a12: activities(planId: $a12, first: 100) @include(if: $h12) {
      ...UnitActivityFields
    }
    a13: activities(planId: $a13, first: 100) @include(if: $h13) {
      ...UnitActivityFields
    }
    a14: activities(planId: $a14, first: 100) @include(if: $h14) {
      ...UnitActivityFields
    }
  }
`);

export const BATCH_SIZE = 15;
