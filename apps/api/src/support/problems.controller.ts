import { applyDecorators, Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles, todayInShanghai } from '@app/platform';
import {
  ExecuteProblemCommand,
  RegisterProblem,
  type ProblemCommandResult,
  type ProblemRequest,
} from '@app/support';
import { ApiErrors, ApiStandardErrors } from '../http/api-errors';
import { Ctx, type RequestContext } from '../http/request-context';
import { parseUuid } from '../http/validation';
import {
  AssignProblemDto,
  CategorizeProblemDto,
  EscalateProblemDto,
  FollowUpDto,
  MergeProblemDto,
  NoteDto,
  ProblemStepDto,
  ReasonDto,
  RequestExtensionDto,
  ResolveProblemDto,
  SuperviseProblemDto,
  WithdrawProblemDto,
} from './dto/problem-commands.dto';
import { RegisterProblemDto } from './dto/register-problem.dto';
import { ProblemCommandResultDto } from './dto/support.response.dto';

const Id = () => Param('id', parseUuid());

/** What every lifecycle step answers, and how it can be refused. */
const Step = (summary: string) =>
  applyDecorators(
    ApiOperation({ summary }),
    ApiOkResponse({ type: ProblemCommandResultDto }),
    ApiErrors({
      notFound: 'No such problem (PROBLEM_NOT_FOUND)',
      conflict: 'Not allowed in the problem’s current status (ILLEGAL_TRANSITION, with status and action), or expectedVersion is stale (CONCURRENCY_CONFLICT)',
      unprocessable: 'A rule on the values: e.g. a date before the last step, the same level again (INVALID_PROBLEM_CHANGE, naming the field)',
      unavailable: 'Without expectedVersion, the problem kept changing under every re-decision (STREAM_BUSY, with Retry-After): send it again',
    }),
  );

/**
 * The problem lifecycle over HTTP. Each step answers { problemId, status, version, position }; pass
 * position as ?position= to a GET to read your own write. Who may do what is checked twice: by role
 * here, and by the decider for unit-level rules (a unit acts only on what is assigned to it).
 */
@ApiTags('problems')
@ApiBearerAuth()
@ApiStandardErrors({ forbidden: 'Your role may not take this step, or the problem is not assigned to your unit (NOT_THE_HANDLING_UNIT)' })
@Controller('api/v1/problems')
export class ProblemsController {
  constructor(private readonly commands: CommandBus) {}

  private step(id: string, dto: ProblemStepDto, request: ProblemRequest, ctx: RequestContext): Promise<ProblemCommandResult> {
    return this.commands.execute(new ExecuteProblemCommand(id, request, dto.on ?? todayInShanghai(), ctx, dto.expectedVersion));
  }

  @Post()
  @Roles('caseworker', 'manager', 'admin')
  @ApiOperation({ summary: 'Register a problem from a hotline, a letter or online (a visit registers its own)' })
  @ApiCreatedResponse({ type: ProblemCommandResultDto })
  @ApiErrors({ unprocessable: 'The enterprise is not registered (ENTERPRISE_NOT_REGISTERED), or raisedOn is in the future' })
  register(
    @Body() { enterpriseUscc, title, description, category, source, raisedOn }: RegisterProblemDto,
    @Ctx() ctx: RequestContext,
  ): Promise<ProblemCommandResultDto> {
    return this.commands.execute(new RegisterProblem({ enterpriseUscc, title, description, category, source, raisedOn }, ctx));
  }

  @Post(':id/categorize')
  @HttpCode(200)
  @Roles('caseworker', 'manager', 'admin')
  @Step('Change the category (分类)')
  categorize(@Id() id: string, @Body() dto: CategorizeProblemDto, @Ctx() ctx: RequestContext) {
    return this.step(id, dto, { type: 'CategorizeProblem', category: dto.category }, ctx);
  }

  @Post(':id/assign')
  @HttpCode(200)
  @Roles('caseworker', 'manager', 'admin')
  @Step('Assign (交办) to a lead unit and co-units with a deadline in working days')
  assign(@Id() id: string, @Body() dto: AssignProblemDto, @Ctx() ctx: RequestContext) {
    const { leadUnitId, coUnitIds, level, workingDays } = dto;
    return this.step(id, dto, { type: 'AssignProblem', leadUnitId, coUnitIds, level, workingDays }, ctx);
  }

  @Post(':id/accept')
  @HttpCode(200)
  @Roles('unit_handler')
  @Step('Accept (签收) as the lead unit')
  accept(@Id() id: string, @Body() dto: ProblemStepDto, @Ctx() ctx: RequestContext) {
    return this.step(id, dto, { type: 'AcceptProblem' }, ctx);
  }

  @Post(':id/return')
  @HttpCode(200)
  @Roles('unit_handler')
  @Step('Return (退回) to the assigner with a reason')
  returnToAssigner(@Id() id: string, @Body() dto: ReasonDto, @Ctx() ctx: RequestContext) {
    return this.step(id, dto, { type: 'ReturnProblem', reason: dto.reason }, ctx);
  }

  @Post(':id/progress')
  @HttpCode(200)
  @Roles('unit_handler')
  @Step('Report progress (lead or co-unit)')
  progress(@Id() id: string, @Body() dto: NoteDto, @Ctx() ctx: RequestContext) {
    return this.step(id, dto, { type: 'ReportProgress', note: dto.note }, ctx);
  }

  @Post(':id/extension-request')
  @HttpCode(200)
  @Roles('unit_handler')
  @Step('Request an extension (延期) in working days')
  requestExtension(@Id() id: string, @Body() dto: RequestExtensionDto, @Ctx() ctx: RequestContext) {
    return this.step(id, dto, { type: 'RequestExtension', workingDays: dto.workingDays, reason: dto.reason }, ctx);
  }

  @Post(':id/extension-approval')
  @HttpCode(200)
  @Roles('manager', 'admin')
  @Step('Approve the pending extension: the deadline moves')
  approveExtension(@Id() id: string, @Body() dto: ProblemStepDto, @Ctx() ctx: RequestContext) {
    return this.step(id, dto, { type: 'ApproveExtension' }, ctx);
  }

  @Post(':id/extension-rejection')
  @HttpCode(200)
  @Roles('manager', 'admin')
  @Step('Reject the pending extension with a reason')
  rejectExtension(@Id() id: string, @Body() dto: ReasonDto, @Ctx() ctx: RequestContext) {
    return this.step(id, dto, { type: 'RejectExtension', reason: dto.reason }, ctx);
  }

  @Post(':id/escalate')
  @HttpCode(200)
  @Roles('manager', 'admin')
  @Step('Escalate to a higher level (district → city → province)')
  escalate(@Id() id: string, @Body() dto: EscalateProblemDto, @Ctx() ctx: RequestContext) {
    return this.step(id, dto, { type: 'EscalateProblem', to: dto.to, reason: dto.reason }, ctx);
  }

  @Post(':id/supervise')
  @HttpCode(200)
  @Roles('manager', 'admin')
  @Step('Issue a supervision notice (督办)')
  supervise(@Id() id: string, @Body() dto: SuperviseProblemDto, @Ctx() ctx: RequestContext) {
    return this.step(id, dto, { type: 'IssueSupervision', note: dto.note }, ctx);
  }

  @Post(':id/resolve')
  @HttpCode(200)
  @Roles('unit_handler')
  @Step('Resolve (办结) with an outcome and summary')
  resolve(@Id() id: string, @Body() dto: ResolveProblemDto, @Ctx() ctx: RequestContext) {
    return this.step(id, dto, { type: 'ResolveProblem', outcome: dto.outcome, summary: dto.summary }, ctx);
  }

  @Post(':id/follow-up')
  @HttpCode(200)
  @Roles('caseworker', 'manager', 'admin')
  @Step('Record the enterprise’s follow-up (回访) and satisfaction; unsatisfied reopens (重办) with a new deadline')
  followUp(@Id() id: string, @Body() dto: FollowUpDto, @Ctx() ctx: RequestContext) {
    return this.step(id, dto, { type: 'RecordFollowUp', satisfaction: dto.satisfaction, note: dto.note, reopenWorkingDays: dto.reopenWorkingDays }, ctx);
  }

  @Post(':id/close')
  @HttpCode(200)
  @Roles('caseworker', 'manager', 'admin')
  @Step('Close after a satisfied follow-up')
  close(@Id() id: string, @Body() dto: ProblemStepDto, @Ctx() ctx: RequestContext) {
    return this.step(id, dto, { type: 'CloseProblem' }, ctx);
  }

  @Post(':id/merge')
  @HttpCode(200)
  @Roles('caseworker', 'manager', 'admin')
  @Step('Merge, before resolution, into an open problem of the same enterprise as a duplicate')
  merge(@Id() id: string, @Body() dto: MergeProblemDto, @Ctx() ctx: RequestContext) {
    return this.step(id, dto, { type: 'MergeProblem', intoProblemId: dto.intoProblemId }, ctx);
  }

  @Post(':id/withdraw')
  @HttpCode(200)
  @Roles('caseworker', 'manager', 'admin')
  @Step('Withdraw, before resolution, at the enterprise’s request')
  withdraw(@Id() id: string, @Body() dto: WithdrawProblemDto, @Ctx() ctx: RequestContext) {
    return this.step(id, dto, { type: 'WithdrawProblem', requestedBy: dto.requestedBy, reason: dto.reason }, ctx);
  }
}
