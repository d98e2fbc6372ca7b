import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles, todayInShanghai } from '@app/platform';
import {
  ExecuteSubsidyCommand, GetSubsidyCase, GetSubsidyMetrics, ListPolicyItems, ListSubsidyCases, OpenSubsidyCase, PublishPolicyItem,
} from '@app/subsidies';
import { ApiErrors, ApiStandardErrors } from '../http/api-errors';
import { Ctx, type RequestContext } from '../http/request-context';
import { parseUuid } from '../http/validation';
import {
  AnnounceSubsidyDto, DisburseSubsidyDto, OpenSubsidyCaseDto, PublishPolicyItemDto, RecoverSubsidyDto, ReviewSubsidyDto,
} from './dto/subsidy-commands.dto';
import { PolicyItemListQueryDto, SubsidyCaseListQueryDto, SubsidyMetricsQueryDto } from './dto/subsidy-queries.dto';
import {
  PolicyItemListDto, PolicyItemResultDto, SubsidyCaseDetailsDto, SubsidyCasePageDto, SubsidyCommandResultDto, SubsidyMetricsDto,
} from './dto/subsidies.response.dto';

const CASE_ID = parseUuid('id');

/** How a later step of a case can be refused. */
const CASE_STEP_ERRORS = ApiErrors({
  notFound: 'No such case (SUBSIDY_CASE_NOT_FOUND)',
  conflict: 'Not allowed in the case’s status (ILLEGAL_SUBSIDY_TRANSITION), or a rule on the money: DISBURSEMENT_EXCEEDS_APPROVED (remainderFen), PAYMENT_BEFORE_PUBLICITY_ENDS (publicityTo), DISBURSEMENT_ID_REUSED, RECOVERY_EXCEEDS_PAID (recoverableFen)',
  unprocessable: 'An amount or dates that cannot be (INVALID_AMOUNT, INVALID_DATES)',
});

/** 惠企政策奖补: policy items, cases from match/application to payment and recovery, and the figures. */
@ApiTags('subsidies')
@ApiBearerAuth()
@Roles('caseworker', 'manager', 'admin')
@ApiStandardErrors({ forbidden: 'Unit handlers have no access; reviews, 公示, payments, recoveries and new policy items are for managers and admins' })
@Controller('api/v1/subsidies')
export class SubsidiesController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post('policy-items')
  @Roles('manager', 'admin')
  @ApiOperation({ summary: 'Publish a policy item (惠企政策事项)' })
  @ApiCreatedResponse({ type: PolicyItemResultDto })
  @ApiErrors({ conflict: 'An item with this id (from the Idempotency-Key) is published already with other details (POLICY_ITEM_ALREADY_PUBLISHED)', unprocessable: 'An invalid policy item (INVALID_POLICY_ITEM)' })
  publish(@Body() dto: PublishPolicyItemDto, @Ctx() ctx: RequestContext): Promise<PolicyItemResultDto> {
    return this.commands.execute(new PublishPolicyItem(dto, ctx));
  }

  @Get('policy-items')
  @ApiOperation({ summary: 'The published policy items, optionally of one policy year' })
  @ApiOkResponse({ type: PolicyItemListDto })
  policyItems(@Query() q: PolicyItemListQueryDto): Promise<PolicyItemListDto> {
    return this.queries.execute(new ListPolicyItems(q.policyYear));
  }

  /** Opens the enterprise's case on an item: 'match' for 免申即享 items, 'apply' for 申报 items (the other is a 409). */
  @Post('cases')
  @ApiOperation({ summary: 'Open a case: match (免申即享) or apply (申报); opening it again changes nothing' })
  @ApiCreatedResponse({ type: SubsidyCommandResultDto })
  @ApiErrors({
    conflict: 'The item’s mode allows the other way (WRONG_POLICY_MODE), or the case is open already in another way (SUBSIDY_CASE_ALREADY_OPEN)',
    unprocessable: 'The enterprise is not registered (ENTERPRISE_NOT_REGISTERED) or the policy item does not exist (POLICY_ITEM_NOT_FOUND)',
  })
  open(@Body() dto: OpenSubsidyCaseDto, @Ctx() ctx: RequestContext): Promise<SubsidyCommandResultDto> {
    return this.commands.execute(new OpenSubsidyCase(dto.how, dto.enterpriseUscc, dto.policyItemId, dto.on ?? todayInShanghai(), ctx));
  }

  @Post('cases/:id/review')
  @HttpCode(200)
  @Roles('manager', 'admin')
  @ApiOperation({ summary: 'Review: approve an amount in 分, or reject with a reason' })
  @ApiOkResponse({ type: SubsidyCommandResultDto })
  @CASE_STEP_ERRORS
  review(@Param('id', CASE_ID) id: string, @Body() dto: ReviewSubsidyDto, @Ctx() ctx: RequestContext): Promise<SubsidyCommandResultDto> {
    const on = dto.on ?? todayInShanghai();
    const step =
      dto.decision === 'approve'
        ? ({ type: 'ApproveSubsidy', approvedAmountFen: dto.approvedAmountFen!, on } as const)
        : ({ type: 'RejectSubsidy', reason: dto.reason!, on } as const);
    return this.commands.execute(new ExecuteSubsidyCommand(id, step, ctx));
  }

  @Post('cases/:id/announce')
  @HttpCode(200)
  @Roles('manager', 'admin')
  @ApiOperation({ summary: 'Record the 公示 period of an approved case' })
  @ApiOkResponse({ type: SubsidyCommandResultDto })
  @CASE_STEP_ERRORS
  announce(@Param('id', CASE_ID) id: string, @Body() dto: AnnounceSubsidyDto, @Ctx() ctx: RequestContext): Promise<SubsidyCommandResultDto> {
    return this.commands.execute(new ExecuteSubsidyCommand(id, { type: 'AnnounceSubsidy', from: dto.from, to: dto.to }, ctx));
  }

  @Post('cases/:id/disbursements')
  @HttpCode(200)
  @Roles('manager', 'admin')
  @ApiOperation({ summary: 'Record a disbursement; the same disbursementId and amount again changes nothing' })
  @ApiOkResponse({ type: SubsidyCommandResultDto })
  @CASE_STEP_ERRORS
  disburse(@Param('id', CASE_ID) id: string, @Body() dto: DisburseSubsidyDto, @Ctx() ctx: RequestContext): Promise<SubsidyCommandResultDto> {
    const { disbursementId, amountFen, paidOn } = dto;
    return this.commands.execute(new ExecuteSubsidyCommand(id, { type: 'DisburseSubsidy', disbursementId, amountFen, paidOn }, ctx));
  }

  @Post('cases/:id/recoveries')
  @HttpCode(200)
  @Roles('manager', 'admin')
  @ApiOperation({ summary: 'Record a recovery (追回) with a reason' })
  @ApiOkResponse({ type: SubsidyCommandResultDto })
  @CASE_STEP_ERRORS
  recover(@Param('id', CASE_ID) id: string, @Body() dto: RecoverSubsidyDto, @Ctx() ctx: RequestContext): Promise<SubsidyCommandResultDto> {
    const { amountFen, recoveredOn, reason } = dto;
    return this.commands.execute(new ExecuteSubsidyCommand(id, { type: 'RecoverSubsidy', amountFen, recoveredOn, reason }, ctx));
  }

  @Get('cases')
  @ApiOperation({ summary: 'Cases, filtered and paginated, newest first' })
  @ApiOkResponse({ type: SubsidyCasePageDto })
  cases(@Query() q: SubsidyCaseListQueryDto): Promise<SubsidyCasePageDto> {
    const { enterpriseUscc, policyItemId, policyYear, status, limit, offset } = q;
    return this.queries.execute(new ListSubsidyCases({ enterpriseUscc, policyItemId, policyYear, status, limit, offset }));
  }

  @Get('cases/:id')
  @ApiOperation({ summary: 'A case with every payment and recovery behind its totals' })
  @ApiOkResponse({ type: SubsidyCaseDetailsDto })
  @ApiErrors({ notFound: 'No such case (SUBSIDY_CASE_NOT_FOUND)' })
  case(@Param('id', CASE_ID) id: string): Promise<SubsidyCaseDetailsDto> {
    return this.queries.execute(new GetSubsidyCase(id));
  }

  /** Disbursed (by payment date, tagged with policy year), recovered and net, in 分, 元 and 万元. */
  @Get('metrics')
  @ApiOperation({ summary: 'Disbursed, recovered and net by payment date, in 分, 元 and 万元, optionally grouped' })
  @ApiOkResponse({ type: SubsidyMetricsDto })
  metrics(@Query() q: SubsidyMetricsQueryDto): Promise<SubsidyMetricsDto> {
    const scope = { from: q.from ?? null, to: q.to ?? null, asOf: q.asOf ?? todayInShanghai(), knownAt: q.knownAt?.toISOString() ?? null, policyYear: q.policyYear ?? null };
    return this.queries.execute(new GetSubsidyMetrics(scope, q.groupBy));
  }
}
