import { defineReasons } from '../kernel/errors.js';

/**
 * The access policy's refusals (see policy.ts), each naming the right that is missing. `doing`
 * and `what` are English phrases of the caller ("change the directory"); the dashboard's
 * messages do without them.
 */
export const accessReasons = defineReasons('access', {
  clientReadOnly: {
    kind: 'FORBIDDEN',
    message: 'API clients are read-only and cannot {doing}; {client} may only read.',
  },
  clientLacksScope: {
    kind: 'FORBIDDEN',
    message: 'API client {client} lacks the {scope} scope.',
  },
  clientOutsideOpds: {
    kind: 'FORBIDDEN',
    message: 'API client {client} may only read the OPDs it was given.',
  },
  clientPlansOutsideOpds: {
    kind: 'FORBIDDEN',
    message: 'API client {client} may only read plans of the OPDs it was given.',
  },
  clientAppraisalsOutsideOpds: {
    kind: 'FORBIDDEN',
    message: 'API client {client} may only read appraisals of the OPDs it was given.',
  },
  clientDevelopmentOutsideOpds: {
    kind: 'FORBIDDEN',
    message: 'API client {client} may only read development data of the OPDs it was given.',
  },
  clientPersonalRead: {
    kind: 'FORBIDDEN',
    message:
      "API client {client} needs the directory:personal:read scope for {name}'s OPD to see personal data.",
  },
  personalRead: {
    kind: 'FORBIDDEN',
    message:
      'Personal data of {name} (birth date, email, phone) is for the person, their supervision chain, unit admins of their OPD, HR admins and auditors.',
  },
  directoryWriteOutsideOpd: {
    kind: 'FORBIDDEN',
    message: 'Changing the directory outside your own OPD needs the HR_ADMIN role.',
  },
  directoryWrite: {
    kind: 'FORBIDDEN',
    message: 'Changing the directory needs the HR_ADMIN role, or UNIT_ADMIN for the same OPD.',
  },
  cityWideRoleGrant: {
    kind: 'FORBIDDEN',
    message: 'Granting or revoking {role} needs the HR_ADMIN role.',
  },
  cityWideRoleHolder: {
    kind: 'FORBIDDEN',
    message: 'Managing the account of someone with the {roles} role needs the HR_ADMIN role.',
  },
  accountsOutsideOpd: {
    kind: 'FORBIDDEN',
    message: 'Managing accounts outside your own OPD needs the HR_ADMIN role.',
  },
  accountsManage: {
    kind: 'FORBIDDEN',
    message: 'Managing accounts needs the HR_ADMIN role, or UNIT_ADMIN for the same OPD.',
  },
  bulkRead: {
    kind: 'FORBIDDEN',
    message:
      'Reading the {what} of many people is for HR admins, auditors, unit admins (their OPD), API clients with the scope, and assessors (assessorId: their own id).',
  },
  changesRead: {
    kind: 'FORBIDDEN',
    message:
      'Reading the change feed needs the HR_ADMIN or AUDITOR role, or an API client with changes:read.',
  },
  auditRead: {
    kind: 'FORBIDDEN',
    message: 'Reading the audit trail needs the HR_ADMIN or AUDITOR role.',
  },
  apiClientsManage: {
    kind: 'FORBIDDEN',
    message: 'Managing API clients needs the HR_ADMIN role.',
  },
  apiClientsRead: {
    kind: 'FORBIDDEN',
    message: 'Listing API clients needs the HR_ADMIN or AUDITOR role.',
  },
  cityAdmin: {
    kind: 'FORBIDDEN',
    message: 'To {doing} needs the HR_ADMIN role.',
  },
  planRead: {
    kind: 'FORBIDDEN',
    message:
      "The plan of {name} is for them, their assessor and the assessor's supervisor, unit admins of their OPD, HR admins and auditors.",
  },
  ownerOnly: {
    kind: 'FORBIDDEN',
    message: 'Only {name} can {doing} (it is their own plan).',
  },
  noAssessor: {
    kind: 'FORBIDDEN',
    message: "{name}'s plan has no assessor, so nobody can {doing}.",
  },
  assessorOnly: {
    kind: 'FORBIDDEN',
    message: "Only {name}'s assessor (pejabat penilai kinerja) can {doing}.",
  },
  feedbackGiver: {
    kind: 'FORBIDDEN',
    message: "Feedback on {name}'s work is given by their assessor or the assessor's supervisor.",
  },
  unitPlansRead: {
    kind: 'FORBIDDEN',
    message:
      'The plans of {unit} are for the people who work there, unit admins of its OPD, HR admins and auditors.',
  },
  appraisalRead: {
    kind: 'FORBIDDEN',
    message:
      "The appraisals of {name} are for them, their assessor and the assessor's supervisor, unit admins of their OPD, HR admins and auditors.",
  },
  finalise: {
    kind: 'FORBIDDEN',
    message: "Finalising an OPD's appraisals needs the HR_ADMIN role, or UNIT_ADMIN of that OPD.",
  },
  distributionRead: {
    kind: 'FORBIDDEN',
    message:
      'The distribution of {opd} is for its people, its unit admins, HR admins and auditors.',
  },
  developmentRead: {
    kind: 'FORBIDDEN',
    message:
      "The development data of {name} is for them, their assessor and the assessor's supervisor, unit admins of their OPD, HR admins and auditors.",
  },
  unitDevelopmentRead: {
    kind: 'FORBIDDEN',
    message:
      '{what} of {unit} is for the people who work there, unit admins of its OPD, HR admins and auditors.',
  },
  talentGridRead: {
    kind: 'FORBIDDEN',
    message: 'The talent grid of {unit} is for unit admins of its OPD, HR admins and auditors.',
  },
  candidatesRead: {
    kind: 'FORBIDDEN',
    message: 'Promotion and award candidates are for HR admins and auditors.',
  },
  trainingEnrolmentsRead: {
    kind: 'FORBIDDEN',
    message:
      'Who is enrolled in a training is for HR admins and auditors; each person finds their own trainings under enrolments(employeeId).',
  },
  selfAssessment: {
    kind: 'FORBIDDEN',
    message: 'A SELF assessment of {name} is recorded by {name} themselves.',
  },
  supervisorAssessment: {
    kind: 'FORBIDDEN',
    message: 'A SUPERVISOR assessment of {name} is recorded by their direct supervisor.',
  },
  assessmentCentre: {
    kind: 'FORBIDDEN',
    message: 'A ASSESSMENT_CENTRE assessment of {name} is recorded by an HR admin.',
  },
  trainingAssigner: {
    kind: 'FORBIDDEN',
    message: 'Trainings are assigned to {name} by their direct supervisor.',
  },
  selfOnly: {
    kind: 'FORBIDDEN',
    message: 'Only {name} can {doing}.',
  },
});
