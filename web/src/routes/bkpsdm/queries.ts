import { graphql } from '$lib/gql';

export const BkpsdmPeriodsQuery = graphql(`
  query BkpsdmPeriods {
    periods {
      id
      name
      year
      startsOn
      endsOn
      createdAt
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
    orgUnits(topLevel: true) {
      id
      code
      name
      shortName
      kind
    }
  }
`);

export const OpdDistributionFields = graphql(`
  fragment OpdDistributionFields on Distribution {
    total
    drafts
    submitted
    final
    holds
    orgUnit {
      id
    }
    orgRating {
      id
      rating
      justification
      setAt
    }
    counts {
      predikat
      count
      share
    }
    rules {
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
`);

// There is no city-wide query yet: the distribution of each OPD is asked for in batches of 15
// aliases (under the limits of 30 aliases and 20 directives per operation).

/** Distributions (with the organisation rating) of up to 15 OPDs. */
export const OpdDistributionsBatchQuery = graphql(`
  query OpdDistributionsBatch(
    $periodId: ID!
    $checkpoint: AppraisalCheckpoint!
    $o0: ID!
    $h0: Boolean!
    $o1: ID!
    $h1: Boolean!
    $o2: ID!
    $h2: Boolean!
    $o3: ID!
    $h3: Boolean!
    $o4: ID!
    $h4: Boolean!
    $o5: ID!
    $h5: Boolean!
    $o6: ID!
    $h6: Boolean!
    $o7: ID!
    $h7: Boolean!
    $o8: ID!
    $h8: Boolean!
    $o9: ID!
    $h9: Boolean!
    $o10: ID!
    $h10: Boolean!
    $o11: ID!
    $h11: Boolean!
    $o12: ID!
    $h12: Boolean!
    $o13: ID!
    $h13: Boolean!
    $o14: ID!
    $h14: Boolean!
  ) {
    d0: distribution(orgUnitId: $o0, periodId: $periodId, checkpoint: $checkpoint)
      @include(if: $h0) {
      ...OpdDistributionFields
    }
    d1: distribution(orgUnitId: $o1, periodId: $periodId, checkpoint: $checkpoint)
      @include(if: $h1) {
      ...OpdDistributionFields
    }
    d2: distribution(orgUnitId: $o2, periodId: $periodId, checkpoint: $checkpoint)
      @include(if: $h2) {
      ...OpdDistributionFields
    }
    d3: distribution(orgUnitId: $o3, periodId: $periodId, checkpoint: $checkpoint)
      @include(if: $h3) {
      ...OpdDistributionFields
    }
    d4: distribution(orgUnitId: $o4, periodId: $periodId, checkpoint: $checkpoint)
      @include(if: $h4) {
      ...OpdDistributionFields
    }
    d5: distribution(orgUnitId: $o5, periodId: $periodId, checkpoint: $checkpoint)
      @include(if: $h5) {
      ...OpdDistributionFields
    }
    d6: distribution(orgUnitId: $o6, periodId: $periodId, checkpoint: $checkpoint)
      @include(if: $h6) {
      ...OpdDistributionFields
    }
    d7: distribution(orgUnitId: $o7, periodId: $periodId, checkpoint: $checkpoint)
      @include(if: $h7) {
      ...OpdDistributionFields
    }
    d8: distribution(orgUnitId: $o8, periodId: $periodId, checkpoint: $checkpoint)
      @include(if: $h8) {
      ...OpdDistributionFields
    }
    d9: distribution(orgUnitId: $o9, periodId: $periodId, checkpoint: $checkpoint)
      @include(if: $h9) {
      ...OpdDistributionFields
    }
    d10: distribution(orgUnitId: $o10, periodId: $periodId, checkpoint: $checkpoint)
      @include(if: $h10) {
      ...OpdDistributionFields
    }
    d11: distribution(orgUnitId: $o11, periodId: $periodId, checkpoint: $checkpoint)
      @include(if: $h11) {
      ...OpdDistributionFields
    }
    d12: distribution(orgUnitId: $o12, periodId: $periodId, checkpoint: $checkpoint)
      @include(if: $h12) {
      ...OpdDistributionFields
    }
    d13: distribution(orgUnitId: $o13, periodId: $periodId, checkpoint: $checkpoint)
      @include(if: $h13) {
      ...OpdDistributionFields
    }
    d14: distribution(orgUnitId: $o14, periodId: $periodId, checkpoint: $checkpoint)
      @include(if: $h14) {
      ...OpdDistributionFields
    }
  }
`);

export const OPD_BATCH_SIZE = 15;
