/*
 * The demo zone as data: a list of steps, each one command the API could have received, with the
 * business dates in it. Generated from a seed (demo-plan.ts) and executed by the loader; nothing here
 * touches a database, so tests can compute the expected figures from the plan itself.
 */
import type { Level, Outcome, ProblemCategory, ProblemSource, Satisfaction, VisitForm } from '@app/support';
import type { PolicyMode } from '@app/subsidies';
import type { Role } from '@app/platform';

export interface DemoUnit {
  id: string;
  name: string;
  level: Level;
  /** The unit it belongs to in the registry (a city bureau's district branch), if any. */
  parentId?: string;
  /** Categories this unit is the natural lead for. */
  categories: readonly ProblemCategory[];
}

export interface DemoAccount {
  id: string;
  username: string;
  displayName: string;
  password: string;
  role: Role;
  unitId: string | null;
}

/** A problem lifecycle step as the problem handler takes it; ids are the plan's. */
export type DemoProblemRequest =
  | { type: 'CategorizeProblem'; category: ProblemCategory }
  | { type: 'AssignProblem'; leadUnitId: string; coUnitIds: string[]; level: Level; workingDays: number }
  | { type: 'AcceptProblem' }
  | { type: 'ReturnProblem'; reason: string }
  | { type: 'ReportProgress'; note: string }
  | { type: 'RequestExtension'; workingDays: number; reason: string }
  | { type: 'ApproveExtension' }
  | { type: 'RejectExtension'; reason: string }
  | { type: 'EscalateProblem'; to: Level; reason: string }
  | { type: 'IssueSupervision'; note: string }
  | { type: 'ResolveProblem'; outcome: Outcome; summary: string }
  | { type: 'RecordFollowUp'; satisfaction: Satisfaction; note: string }
  | { type: 'CloseProblem' }
  | { type: 'MergeProblem'; intoProblemId: string }
  | { type: 'WithdrawProblem'; requestedBy: string; reason: string };

export type DemoSubsidyStep =
  | { type: 'ApproveSubsidy'; approvedAmountFen: number; on: string }
  | { type: 'RejectSubsidy'; reason: string; on: string }
  | { type: 'AnnounceSubsidy'; from: string; to: string }
  | { type: 'DisburseSubsidy'; disbursementId: string; amountFen: number; paidOn: string }
  | { type: 'RecoverSubsidy'; amountFen: number; recoveredOn: string; reason: string };

export type DemoAction =
  | { kind: 'register-enterprise'; uscc: string; name: string; address: string; park: string; industry: string }
  | { kind: 'rename-enterprise'; uscc: string; name: string; effectiveOn: string }
  | { kind: 'relocate-enterprise'; uscc: string; address: string; park: string; effectiveOn: string }
  | {
      kind: 'log-visit';
      /** Derived from the step's idempotency key exactly as LogVisit derives them. */
      visitId: string;
      problemIds: string[];
      enterpriseUscc: string;
      visitedOn: string;
      caseworkerIds: string[];
      form: VisitForm;
      notes: string;
      problems: { title: string; description: string; category: ProblemCategory }[];
    }
  | { kind: 'void-visit'; visitId: string; reason: string; on: string }
  | {
      kind: 'register-problem';
      problemId: string;
      enterpriseUscc: string;
      title: string;
      description: string;
      category: ProblemCategory;
      source: Exclude<ProblemSource, 'visit'>;
      raisedOn: string;
    }
  | { kind: 'problem-step'; problemId: string; on: string; request: DemoProblemRequest }
  | {
      kind: 'grant-certification';
      /** As the registry derives it from firm, type, level and batch (what 复核 and revocation name). */
      certificationId: string;
      uscc: string;
      type: string;
      level: string;
      batch: string;
      documentNumber: string;
      announcedOn: string;
      validFrom: string;
    }
  | { kind: 'renew-certification'; uscc: string; certificationId: string; batch: string; announcedOn: string }
  | { kind: 'revoke-certification'; uscc: string; certificationId: string; effectiveFrom: string; reason: string }
  | {
      kind: 'enter-reference-total';
      certificationType: string;
      level: string;
      scope: 'city' | 'province';
      measure: 'currently_valid' | 'ever_certified';
      asOf: string;
      total: number;
      source: string;
    }
  | { kind: 'publish-policy-item'; policyItemId: string; name: string; policyYear: number; issuingUnit: string; mode: PolicyMode }
  | { kind: 'open-subsidy-case'; how: 'match' | 'apply'; caseId: string; enterpriseUscc: string; policyItemId: string; on: string }
  | { kind: 'subsidy-step'; caseId: string; step: DemoSubsidyStep }
  /** The scheduled job itself, for a period: what the schedule would have run on `day`. */
  | { kind: 'run-job'; job: 'monthly-summary' | 'overdue-check'; period: string }
  | { kind: 'correct-monthly-summary'; month: string; reason: string };

export interface DemoStep {
  /** Unique in the plan; with the seed it makes the step's idempotency key. */
  key: string;
  /** The day the bureau recorded it (steps run in this order); business dates are in the action. */
  day: string;
  /** Username of the acting demo account ('system' for jobs). */
  actor: string;
  action: DemoAction;
}

export interface DemoPlan {
  seed: number;
  scale: number;
  /** The demo's "today": the last day anything is recorded. */
  until: string;
  units: DemoUnit[];
  accounts: DemoAccount[];
  steps: DemoStep[];
}

export type DemoActionKind = DemoAction['kind'];
