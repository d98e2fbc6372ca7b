import type { ArgumentMetadata } from '@nestjs/common';
import { generateDemoPlan, type DemoAction, type DemoProblemRequest, type DemoSubsidyStep } from '@app/demo';
import { GrantCertificationDto, RenewCertificationDto, RevokeCertificationDto } from '../certifications/dto/certification-commands.dto';
import { ReferenceTotalDto } from '../certifications/dto/certification-queries.dto';
import { RegisterEnterpriseDto, RelocateEnterpriseDto, RenameEnterpriseDto } from '../enterprises/dto/enterprise-commands.dto';
import { validationPipe } from '../http/validation';
import { GenerateMonthlySummaryDto } from '../reporting/reports.dto';
import { AnnounceSubsidyDto, DisburseSubsidyDto, OpenSubsidyCaseDto, PublishPolicyItemDto, RecoverSubsidyDto, ReviewSubsidyDto } from '../subsidies/dto/subsidy-commands.dto';
import * as P from '../support/dto/problem-commands.dto';
import { LogVisitDto, RegisterProblemDto, VoidVisitDto } from '../support/dto/register-problem.dto';

type Body = [metatype: new () => object, body: object];

/** The request a user of the console would have sent for the same step. */
function problemRequest(r: DemoProblemRequest, on: string): Body {
  const { type, ...fields } = r;
  const dto = {
    CategorizeProblem: P.CategorizeProblemDto, AssignProblem: P.AssignProblemDto, AcceptProblem: P.ProblemStepDto, ReturnProblem: P.ReasonDto,
    ReportProgress: P.NoteDto, RequestExtension: P.RequestExtensionDto, ApproveExtension: P.ProblemStepDto, RejectExtension: P.ReasonDto,
    EscalateProblem: P.EscalateProblemDto, IssueSupervision: P.SuperviseProblemDto, ResolveProblem: P.ResolveProblemDto, RecordFollowUp: P.FollowUpDto,
    CloseProblem: P.ProblemStepDto, MergeProblem: P.MergeProblemDto, WithdrawProblem: P.WithdrawProblemDto,
  }[type];
  return [dto, { ...fields, on }];
}

function subsidyRequest(s: DemoSubsidyStep): Body {
  switch (s.type) {
    case 'ApproveSubsidy':
      return [ReviewSubsidyDto, { decision: 'approve', approvedAmountFen: s.approvedAmountFen, on: s.on }];
    case 'RejectSubsidy':
      return [ReviewSubsidyDto, { decision: 'reject', reason: s.reason, on: s.on }];
    case 'AnnounceSubsidy':
      return [AnnounceSubsidyDto, { from: s.from, to: s.to }];
    case 'DisburseSubsidy':
      return [DisburseSubsidyDto, { disbursementId: s.disbursementId, amountFen: s.amountFen, paidOn: s.paidOn }];
    case 'RecoverSubsidy':
      return [RecoverSubsidyDto, { amountFen: s.amountFen, recoveredOn: s.recoveredOn, reason: s.reason }];
  }
}

function requestFor(a: DemoAction): Body | null {
  switch (a.kind) {
    case 'register-enterprise':
      return [RegisterEnterpriseDto, { uscc: a.uscc, name: a.name, address: a.address, park: a.park, industry: a.industry }];
    case 'rename-enterprise':
      return [RenameEnterpriseDto, { name: a.name, effectiveOn: a.effectiveOn }];
    case 'relocate-enterprise':
      return [RelocateEnterpriseDto, { address: a.address, park: a.park, effectiveOn: a.effectiveOn }];
    case 'log-visit':
      return [LogVisitDto, { enterpriseUscc: a.enterpriseUscc, visitedOn: a.visitedOn, caseworkerIds: a.caseworkerIds, form: a.form, notes: a.notes, problems: a.problems }];
    case 'void-visit':
      return [VoidVisitDto, { reason: a.reason }];
    case 'register-problem':
      return [RegisterProblemDto, { enterpriseUscc: a.enterpriseUscc, title: a.title, description: a.description, category: a.category, source: a.source, raisedOn: a.raisedOn }];
    case 'problem-step':
      return problemRequest(a.request, a.on);
    case 'grant-certification':
      return [GrantCertificationDto, { uscc: a.uscc, type: a.type, level: a.level, batch: a.batch, documentNumber: a.documentNumber, announcedOn: a.announcedOn, validFrom: a.validFrom }];
    case 'renew-certification':
      return [RenewCertificationDto, { batch: a.batch, announcedOn: a.announcedOn }];
    case 'revoke-certification':
      return [RevokeCertificationDto, { effectiveFrom: a.effectiveFrom, reason: a.reason }];
    case 'enter-reference-total':
      return [ReferenceTotalDto, { type: a.certificationType, level: a.level, scope: a.scope, measure: a.measure, asOf: a.asOf, total: a.total, source: a.source }];
    case 'publish-policy-item':
      return [PublishPolicyItemDto, { name: a.name, policyYear: a.policyYear, issuingUnit: a.issuingUnit, mode: a.mode }];
    case 'open-subsidy-case':
      return [OpenSubsidyCaseDto, { how: a.how, enterpriseUscc: a.enterpriseUscc, policyItemId: a.policyItemId, on: a.on }];
    case 'subsidy-step':
      return subsidyRequest(a.step);
    case 'correct-monthly-summary':
      return [GenerateMonthlySummaryDto, { reason: a.reason }];
    case 'run-job':
      return null; // the schedule's, not a request
  }
}

/*
 * The loader puts commands on the CommandBus directly, past the HTTP layer's validation pipe: this proves
 * each of them would also have passed it, as the request a user of the API would have sent.
 */
describe('every step of the demo plan is a request the API accepts', () => {
  const plan = generateDemoPlan();
  it.each([...new Set(plan.steps.map((s) => s.action.kind))])('%s', async (kind) => {
    const rejected: string[] = [];
    for (const step of plan.steps.filter((s) => s.action.kind === kind)) {
      const request = requestFor(step.action);
      if (!request) continue;
      const [metatype, body] = request;
      await validationPipe.transform(body, { type: 'body', metatype } as ArgumentMetadata).catch((e: { response?: unknown }) => {
        rejected.push(`${step.key}: ${JSON.stringify(e.response ?? e)}`);
      });
    }
    expect(rejected.slice(0, 3)).toEqual([]);
  });

  it('(and the pipe does refuse a step the API would refuse)', async () => {
    const visit = plan.steps.find((s) => s.action.kind === 'log-visit')!;
    const [metatype, body] = requestFor(visit.action)!;
    await expect(validationPipe.transform({ ...body, form: 'carrier_pigeon' }, { type: 'body', metatype } as ArgumentMetadata)).rejects.toThrow();
  });
});
