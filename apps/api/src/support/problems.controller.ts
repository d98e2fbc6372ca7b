import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Roles, todayInShanghai } from '@app/platform';
import {
  ExecuteProblemCommand,
  RegisterProblem,
  type ProblemCommandResult,
  type ProblemRequest,
} from '@app/support';
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

const Id = () => Param('id', parseUuid());

/**
 * The problem lifecycle over HTTP. Each step answers { problemId, status, version, position }; pass
 * position as ?position= to a GET to read your own write. Who may do what is checked twice: by role
 * here, and by the decider for unit-level rules (a unit acts only on what is assigned to it).
 */
@ApiTags('problems')
@ApiBearerAuth()
@Controller('api/v1/problems')
export class ProblemsController {
  constructor(private readonly commands: CommandBus) {}

  private step(id: string, dto: ProblemStepDto, request: ProblemRequest, ctx: RequestContext): Promise<ProblemCommandResult> {
    return this.commands.execute(new ExecuteProblemCommand(id, request, dto.on ?? todayInShanghai(), ctx, dto.expectedVersion));
  }

  @Post()
  @Roles('caseworker', 'manager', 'admin')
  register(@Body() { enterpriseUscc, title, description, category, source, raisedOn }: RegisterProblemDto, @Ctx() ctx: RequestContext) {
    return this.commands.execute(new RegisterProblem({ enterpriseUscc, title, description, category, source, raisedOn }, ctx));
  }

  @Post(':id/categorize')
  @HttpCode(200)
  @Roles('caseworker', 'manager', 'admin')
  categorize(@Id() id: string, @Body() dto: CategorizeProblemDto, @Ctx() ctx: RequestContext) {
    return this.step(id, dto, { type: 'CategorizeProblem', category: dto.category }, ctx);
  }

  @Post(':id/assign')
  @HttpCode(200)
  @Roles('caseworker', 'manager', 'admin')
  assign(@Id() id: string, @Body() dto: AssignProblemDto, @Ctx() ctx: RequestContext) {
    const { leadUnitId, coUnitIds, level, workingDays } = dto;
    return this.step(id, dto, { type: 'AssignProblem', leadUnitId, coUnitIds, level, workingDays }, ctx);
  }

  @Post(':id/accept')
  @HttpCode(200)
  @Roles('unit_handler')
  accept(@Id() id: string, @Body() dto: ProblemStepDto, @Ctx() ctx: RequestContext) {
    return this.step(id, dto, { type: 'AcceptProblem' }, ctx);
  }

  @Post(':id/return')
  @HttpCode(200)
  @Roles('unit_handler')
  returnToAssigner(@Id() id: string, @Body() dto: ReasonDto, @Ctx() ctx: RequestContext) {
    return this.step(id, dto, { type: 'ReturnProblem', reason: dto.reason }, ctx);
  }

  @Post(':id/progress')
  @HttpCode(200)
  @Roles('unit_handler')
  progress(@Id() id: string, @Body() dto: NoteDto, @Ctx() ctx: RequestContext) {
    return this.step(id, dto, { type: 'ReportProgress', note: dto.note }, ctx);
  }

  @Post(':id/extension-request')
  @HttpCode(200)
  @Roles('unit_handler')
  requestExtension(@Id() id: string, @Body() dto: RequestExtensionDto, @Ctx() ctx: RequestContext) {
    return this.step(id, dto, { type: 'RequestExtension', workingDays: dto.workingDays, reason: dto.reason }, ctx);
  }

  @Post(':id/extension-approval')
  @HttpCode(200)
  @Roles('manager', 'admin')
  approveExtension(@Id() id: string, @Body() dto: ProblemStepDto, @Ctx() ctx: RequestContext) {
    return this.step(id, dto, { type: 'ApproveExtension' }, ctx);
  }

  @Post(':id/extension-rejection')
  @HttpCode(200)
  @Roles('manager', 'admin')
  rejectExtension(@Id() id: string, @Body() dto: ReasonDto, @Ctx() ctx: RequestContext) {
    return this.step(id, dto, { type: 'RejectExtension', reason: dto.reason }, ctx);
  }

  @Post(':id/escalate')
  @HttpCode(200)
  @Roles('manager', 'admin')
  escalate(@Id() id: string, @Body() dto: EscalateProblemDto, @Ctx() ctx: RequestContext) {
    return this.step(id, dto, { type: 'EscalateProblem', to: dto.to, reason: dto.reason }, ctx);
  }

  @Post(':id/supervise')
  @HttpCode(200)
  @Roles('manager', 'admin')
  supervise(@Id() id: string, @Body() dto: SuperviseProblemDto, @Ctx() ctx: RequestContext) {
    return this.step(id, dto, { type: 'IssueSupervision', note: dto.note, automatic: dto.automatic }, ctx);
  }

  @Post(':id/resolve')
  @HttpCode(200)
  @Roles('unit_handler')
  resolve(@Id() id: string, @Body() dto: ResolveProblemDto, @Ctx() ctx: RequestContext) {
    return this.step(id, dto, { type: 'ResolveProblem', outcome: dto.outcome, summary: dto.summary }, ctx);
  }

  @Post(':id/follow-up')
  @HttpCode(200)
  @Roles('caseworker', 'manager', 'admin')
  followUp(@Id() id: string, @Body() dto: FollowUpDto, @Ctx() ctx: RequestContext) {
    return this.step(id, dto, { type: 'RecordFollowUp', satisfaction: dto.satisfaction, note: dto.note }, ctx);
  }

  @Post(':id/close')
  @HttpCode(200)
  @Roles('caseworker', 'manager', 'admin')
  close(@Id() id: string, @Body() dto: ProblemStepDto, @Ctx() ctx: RequestContext) {
    return this.step(id, dto, { type: 'CloseProblem' }, ctx);
  }

  @Post(':id/merge')
  @HttpCode(200)
  @Roles('caseworker', 'manager', 'admin')
  merge(@Id() id: string, @Body() dto: MergeProblemDto, @Ctx() ctx: RequestContext) {
    return this.step(id, dto, { type: 'MergeProblem', intoProblemId: dto.intoProblemId }, ctx);
  }

  @Post(':id/withdraw')
  @HttpCode(200)
  @Roles('caseworker', 'manager', 'admin')
  withdraw(@Id() id: string, @Body() dto: WithdrawProblemDto, @Ctx() ctx: RequestContext) {
    return this.step(id, dto, { type: 'WithdrawProblem', requestedBy: dto.requestedBy, reason: dto.reason }, ctx);
  }
}
