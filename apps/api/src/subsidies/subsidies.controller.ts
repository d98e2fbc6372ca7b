import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Roles, todayInShanghai } from '@app/platform';
import {
  ExecuteSubsidyCommand, GetSubsidyCase, GetSubsidyMetrics, ListPolicyItems, ListSubsidyCases, OpenSubsidyCase, PublishPolicyItem,
} from '@app/subsidies';
import { Ctx, type RequestContext } from '../http/request-context';
import {
  AnnounceSubsidyDto, DisburseSubsidyDto, OpenSubsidyCaseDto, PublishPolicyItemDto, RecoverSubsidyDto, ReviewSubsidyDto,
} from './dto/subsidy-commands.dto';
import { PolicyItemListQueryDto, SubsidyCaseListQueryDto, SubsidyMetricsQueryDto } from './dto/subsidy-queries.dto';

const CASE_ID = new ParseUUIDPipe({ version: '4' });

/** 惠企政策奖补: policy items, cases from match/application to payment and recovery, and the figures. */
@ApiTags('subsidies')
@ApiBearerAuth()
@Roles('caseworker', 'manager', 'admin')
@Controller('api/v1/subsidies')
export class SubsidiesController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post('policy-items')
  @Roles('manager', 'admin')
  publish(@Body() dto: PublishPolicyItemDto, @Ctx() ctx: RequestContext) {
    return this.commands.execute(new PublishPolicyItem(dto, ctx));
  }

  @Get('policy-items')
  policyItems(@Query() q: PolicyItemListQueryDto) {
    return this.queries.execute(new ListPolicyItems(q.policyYear));
  }

  /** Opens the enterprise's case on an item: 'match' for 免申即享 items, 'apply' for 申报 items (the other is a 409). */
  @Post('cases')
  open(@Body() dto: OpenSubsidyCaseDto, @Ctx() ctx: RequestContext) {
    return this.commands.execute(new OpenSubsidyCase(dto.how, dto.enterpriseUscc, dto.policyItemId, dto.on ?? todayInShanghai(), ctx));
  }

  @Post('cases/:id/review')
  @HttpCode(200)
  @Roles('manager', 'admin')
  review(@Param('id', CASE_ID) id: string, @Body() dto: ReviewSubsidyDto, @Ctx() ctx: RequestContext) {
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
  announce(@Param('id', CASE_ID) id: string, @Body() dto: AnnounceSubsidyDto, @Ctx() ctx: RequestContext) {
    return this.commands.execute(new ExecuteSubsidyCommand(id, { type: 'AnnounceSubsidy', from: dto.from, to: dto.to }, ctx));
  }

  @Post('cases/:id/disbursements')
  @HttpCode(200)
  @Roles('manager', 'admin')
  disburse(@Param('id', CASE_ID) id: string, @Body() dto: DisburseSubsidyDto, @Ctx() ctx: RequestContext) {
    const { disbursementId, amountFen, paidOn } = dto;
    return this.commands.execute(new ExecuteSubsidyCommand(id, { type: 'DisburseSubsidy', disbursementId, amountFen, paidOn }, ctx));
  }

  @Post('cases/:id/recoveries')
  @HttpCode(200)
  @Roles('manager', 'admin')
  recover(@Param('id', CASE_ID) id: string, @Body() dto: RecoverSubsidyDto, @Ctx() ctx: RequestContext) {
    const { amountFen, recoveredOn, reason } = dto;
    return this.commands.execute(new ExecuteSubsidyCommand(id, { type: 'RecoverSubsidy', amountFen, recoveredOn, reason }, ctx));
  }

  @Get('cases')
  cases(@Query() q: SubsidyCaseListQueryDto) {
    const { enterpriseUscc, policyItemId, policyYear, status, limit, offset } = q;
    return this.queries.execute(new ListSubsidyCases({ enterpriseUscc, policyItemId, policyYear, status, limit, offset }));
  }

  @Get('cases/:id')
  case(@Param('id', CASE_ID) id: string) {
    return this.queries.execute(new GetSubsidyCase(id));
  }

  /** Disbursed (by payment date, tagged with policy year), recovered and net, in 分, 元 and 万元. */
  @Get('metrics')
  metrics(@Query() q: SubsidyMetricsQueryDto) {
    const scope = { from: q.from ?? null, to: q.to ?? null, asOf: q.asOf ?? todayInShanghai(), knownAt: q.knownAt?.toISOString() ?? null, policyYear: q.policyYear ?? null };
    return this.queries.execute(new GetSubsidyMetrics(scope, q.groupBy));
  }
}
