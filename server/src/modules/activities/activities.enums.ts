import { registerEnumType } from 'type-graphql';

export enum ActivityStatus {
  SUBMITTED = 'SUBMITTED',
  APPROVED = 'APPROVED',
  REJECTED = 'REJECTED',
  WITHDRAWN = 'WITHDRAWN',
}

export enum ReviewDecision {
  APPROVE = 'APPROVE',
  REJECT = 'REJECT',
}

export enum MonthlyReportStatus {
  SUBMITTED = 'SUBMITTED',
  VERIFIED = 'VERIFIED',
  RETURNED = 'RETURNED',
}

export enum ReportDecision {
  APPROVE = 'APPROVE',
  RETURN = 'RETURN',
}

registerEnumType(ActivityStatus, {
  name: 'ActivityStatus',
  valuesConfig: {
    SUBMITTED: { description: 'Waiting for the assessor' },
    APPROVED: { description: 'Approved: counts toward realisation' },
    REJECTED: { description: 'Rejected by the assessor, with a note' },
    WITHDRAWN: { description: 'Withdrawn by the employee before review' },
  },
});
registerEnumType(ReviewDecision, { name: 'ReviewDecision' });
registerEnumType(MonthlyReportStatus, {
  name: 'MonthlyReportStatus',
  valuesConfig: {
    SUBMITTED: { description: 'Waiting for verification' },
    VERIFIED: { description: 'Verified: its unreviewed activities were approved' },
    RETURNED: { description: 'Returned to the employee with a note' },
  },
});
registerEnumType(ReportDecision, { name: 'ReportDecision' });
