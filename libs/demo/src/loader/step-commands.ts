/*
 * Each plan step as the command the API's controller would have put on the CommandBus for the same
 * request. Jobs are not commands: the loader runs them itself (see demo-loader.ts).
 */
import {
  ChangeCertificationCommand,
  EnterReferenceTotalCommand,
  GrantCertificationCommand,
  RegisterEnterpriseCommand,
  RelocateEnterpriseCommand,
  RenameEnterpriseCommand,
} from '@app/enterprises';
import type { AuthUser, CommandContext } from '@app/platform';
import { GenerateMonthlySummary } from '@app/reporting';
import { ExecuteSubsidyCommand, OpenSubsidyCase, PublishPolicyItem } from '@app/subsidies';
import { ExecuteProblemCommand, LogVisit, RegisterProblem, VoidVisit } from '@app/support';
import type { DemoAction } from '../plan/plan.types';

export type StepContext = CommandContext & { actor: AuthUser };

/** The command for a step, and the id the plan expects the handler to answer with (checked by the loader). */
export function commandFor(action: Exclude<DemoAction, { kind: 'run-job' }>, ctx: StepContext): { command: object; expectId?: [string, string] } {
  switch (action.kind) {
    case 'register-enterprise': {
      const { uscc, name, address, park, industry } = action;
      return { command: new RegisterEnterpriseCommand({ uscc, name, address, park, industry }, ctx) };
    }
    case 'rename-enterprise':
      return { command: new RenameEnterpriseCommand({ uscc: action.uscc, name: action.name, effectiveOn: action.effectiveOn }, ctx) };
    case 'relocate-enterprise': {
      const { uscc, address, park, effectiveOn } = action;
      return { command: new RelocateEnterpriseCommand({ uscc, address, park, effectiveOn }, ctx) };
    }
    case 'log-visit': {
      const { enterpriseUscc, visitedOn, caseworkerIds, form, notes, problems } = action;
      // The plan's visits are distinct by construction (its retries carry their Idempotency-Key); two on one day
      // to one firm by one caseworker, seconds apart here, are two visits, not a retried form.
      return { command: new LogVisit({ enterpriseUscc, visitedOn, caseworkerIds, form, notes, problems, confirmSecondVisit: true }, ctx), expectId: ['visitId', action.visitId] };
    }
    case 'void-visit':
      return { command: new VoidVisit(action.visitId, action.reason, action.on, ctx) };
    case 'register-problem': {
      const { enterpriseUscc, title, description, category, source, raisedOn } = action;
      return { command: new RegisterProblem({ enterpriseUscc, title, description, category, source, raisedOn }, ctx), expectId: ['problemId', action.problemId] };
    }
    case 'problem-step':
      return { command: new ExecuteProblemCommand(action.problemId, action.request, action.on, ctx) };
    case 'grant-certification': {
      const { uscc, type, level, batch, documentNumber, announcedOn, validFrom } = action;
      return { command: new GrantCertificationCommand({ uscc, type, level, batch, documentNumber, announcedOn, validFrom }, ctx), expectId: ['certificationId', action.certificationId] };
    }
    case 'renew-certification': {
      const { certificationId, batch, announcedOn } = action;
      return { command: new ChangeCertificationCommand(action.uscc, { type: 'RenewCertification', certificationId, batch, announcedOn }, ctx) };
    }
    case 'revoke-certification': {
      const { certificationId, effectiveFrom, reason } = action;
      return { command: new ChangeCertificationCommand(action.uscc, { type: 'RevokeCertification', certificationId, effectiveFrom, reason }, ctx) };
    }
    case 'enter-reference-total': {
      const { certificationType, level, scope, measure, asOf, total, source } = action;
      return { command: new EnterReferenceTotalCommand({ certificationType, level, scope, measure, asOf, total, source }, ctx) };
    }
    case 'publish-policy-item': {
      const { name, policyYear, issuingUnit, mode } = action;
      return { command: new PublishPolicyItem({ name, policyYear, issuingUnit, mode }, ctx), expectId: ['policyItemId', action.policyItemId] };
    }
    case 'open-subsidy-case':
      return { command: new OpenSubsidyCase(action.how, action.enterpriseUscc, action.policyItemId, action.on, ctx), expectId: ['caseId', action.caseId] };
    case 'subsidy-step':
      return { command: new ExecuteSubsidyCommand(action.caseId, action.step, ctx) };
    case 'correct-monthly-summary':
      return { command: new GenerateMonthlySummary(action.month, ctx, action.reason) };
  }
}
