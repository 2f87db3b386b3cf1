/** The GraphQL operations the benchmarks send, as a browser or agency tool would. */

export const REVIEW_QUEUE = `query ReviewQueue($n: Int, $people: Int) {
  reviewQueue(activitiesPerPerson: $n) {
    total plansAwaitingApproval activitiesAwaitingReview monthlyReportsAwaitingVerification
    appraisalsToComplete dueCheckpoint
    people(first: $people) { totalCount nodes {
      count activityCount oldestWaitingSince
      employee { id nip name positionTitle orgUnit { id name } }
      activitiesAwaitingReview { id date description output status indicator { id } }
      plansAwaitingApproval { id status }
      monthlyReportsAwaitingVerification { id }
      appraisalsToComplete { checkpoint plan { id } }
    } }
  }
}`;

export const EMPLOYEES = `query Employees($unit: ID!, $first: Int) {
  employees(first: $first, filter: { orgUnitId: $unit }) {
    totalCount
    nodes { id nip name positionTitle orgUnit { id name } supervisor { id name } }
  }
}`;

/**
 * EMPLOYEES with relations two steps away, which the page does not bring itself and which go
 * through the request's batch loaders: each unit's parent and OPD, each supervisor's supervisor,
 * and each person's direct reports. What batching buys is measured on this one.
 */
export const EMPLOYEES_NESTED = `query EmployeesNested($unit: ID!, $first: Int) {
  employees(first: $first, filter: { orgUnitId: $unit }) {
    totalCount
    nodes {
      id nip name positionTitle
      orgUnit { id name parent { id name } opd { id name } }
      supervisor { id name supervisor { id name } }
      directReports { id name }
    }
  }
}`;

/**
 * The HTTP part of what the unit dashboard shows: the distribution and the headcount (plan counts
 * have no query of their own; they come with the unitDashboard subscription, timed separately).
 */
export const UNIT_SUMMARY = `query UnitSummary($unit: ID!, $period: ID!, $checkpoint: AppraisalCheckpoint!) {
  distribution(orgUnitId: $unit, periodId: $period, checkpoint: $checkpoint) {
    total final drafts submitted holds
    counts { predikat count share }
    rules { description count holds allowedMax }
  }
  staff: employees(first: 1, filter: { orgUnitId: $unit }) { totalCount }
}`;

export const DISTRIBUTION = `query Distribution($unit: ID!, $period: ID!, $checkpoint: AppraisalCheckpoint!) {
  distribution(orgUnitId: $unit, periodId: $period, checkpoint: $checkpoint) {
    total final drafts holds counts { predikat count }
  }
}`;

/** PostGraphile's equivalent of EMPLOYEES for one unit without sub-units. */
export const POSTGRAPHILE_EMPLOYEES = `query Employees($unit: UUID!, $first: Int) {
  allEmployees(first: $first, condition: { orgUnitId: $unit, active: true }, orderBy: [NAME_ASC, ID_ASC]) {
    totalCount
    nodes {
      id nip name positionTitle
      orgUnitByOrgUnitId { id name }
      employeeBySupervisorId { id name }
    }
  }
}`;

/**
 * The nearest PostGraphile comes to REVIEW_QUEUE without custom SQL functions (the queue is a
 * union of four sources ordered by who has waited longest): the assessor's first 25 direct
 * reports by name, each with their 10 oldest activities waiting for that assessor, their
 * submitted plans and monthly reports. The same shape and size of answer.
 */
export const POSTGRAPHILE_REVIEW_QUEUE = `query ReviewQueue($assessor: UUID!, $people: Int, $n: Int) {
  allEmployees(first: $people, condition: { supervisorId: $assessor, active: true }, orderBy: [NAME_ASC, ID_ASC]) {
    totalCount
    nodes {
      id nip name positionTitle
      orgUnitByOrgUnitId { id name }
      activitiesByEmployeeId(first: $n, condition: { assessorId: $assessor, status: "SUBMITTED" }, orderBy: [CREATED_AT_ASC, ID_ASC]) {
        totalCount
        nodes { id date description output status indicatorId }
      }
      performancePlansByEmployeeId(condition: { assessorId: $assessor, status: "SUBMITTED" }) { nodes { id status } }
      monthlyReportsByEmployeeId(condition: { assessorId: $assessor, status: "SUBMITTED" }) { nodes { id } }
    }
  }
}`;

/** "The Q3 predikat of the first 50 appraised people of an OPD, with NIP and name" (agency tools). */
export const APPRAISALS = `query Appraisals($opd: ID!, $period: ID!, $checkpoint: AppraisalCheckpoint!, $first: Int) {
  appraisals(filter: { opdId: $opd, periodId: $period, checkpoint: $checkpoint, status: FINAL }, first: $first) {
    totalCount
    nodes { id predikat resultRating behaviourRating employee { nip name } }
  }
}`;

/** PostGraphile's equivalent of APPRAISALS. */
export const POSTGRAPHILE_APPRAISALS = `query Appraisals($opd: UUID!, $period: UUID!, $checkpoint: String!, $first: Int) {
  allAppraisals(first: $first, condition: { opdId: $opd, periodId: $period, checkpoint: $checkpoint, status: "FINAL" }, orderBy: [ID_ASC]) {
    totalCount
    nodes { id predikat resultRating behaviourRating employeeByEmployeeId { nip name } }
  }
}`;

export const MY_PERFORMANCE = `subscription { myPerformance { id type at subjectType subjectId } }`;

export const UNIT_DASHBOARD = `subscription Dashboard($unit: ID!, $period: ID!) {
  unitDashboard(orgUnitId: $unit, periodId: $period) {
    at lastEventId activitiesAwaitingReview activitiesApprovedLast30Days
    plans { total draft submitted revisionRequested approved }
    distribution { total final holds counts { predikat count } }
  }
}`;
