import { graphql } from '$lib/gql';

/** Your own events: each one makes the page ask again for what changed. */
export const LiveMyPerformance = graphql(`
  subscription LiveMyPerformance($after: ID) {
    myPerformance(after: $after) {
      id
      type
    }
  }
`);

/** Changes to what waits for you as assessor. */
export const LiveReviewQueue = graphql(`
  subscription LiveReviewQueue($after: ID) {
    reviewQueue(after: $after) {
      id
      type
      counts {
        total
      }
    }
  }
`);

/** A fresh summary of a unit whenever it changes (coalesced by the server). */
export const LiveUnitDashboard = graphql(`
  subscription LiveUnitDashboard($orgUnitId: ID!, $periodId: ID!) {
    unitDashboard(orgUnitId: $orgUnitId, periodId: $periodId) {
      lastEventId
      plans {
        total
        approved
      }
      activitiesAwaitingReview
    }
  }
`);
