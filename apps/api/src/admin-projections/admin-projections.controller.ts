import { Body, ConflictException, Controller, Get, HttpCode, NotFoundException, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ProjectionAdmin, ProjectionHealth, ProjectionNotFailingError, UnknownProjectionError } from '@app/event-store';
import { Roles } from '@app/platform';
import { ApiErrors, ApiStandardErrors } from '../http/api-errors';
import { Ctx, type RequestContext } from '../http/request-context';
import { FailingEventDto, ProjectionStatusDto, SkipEventDto } from './projection-status.dto';

/**
 * The projections with their lease holders, and what an admin does about one stopped on a poison event: inspect
 * the event, retry it (after a deploy that fixes the handler) or skip it with a reason. /health is public (a load
 * balancer calls it) and so names no host or process; which worker holds which projection is for admins.
 */
@ApiTags('admin: projections')
@ApiBearerAuth()
@Roles('admin')
@ApiStandardErrors({ forbidden: 'Admins only' })
@Controller('api/v1/admin/projections')
export class AdminProjectionsController {
  constructor(
    private readonly health: ProjectionHealth,
    private readonly admin: ProjectionAdmin,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Every projection: version, checkpoint, lag, lease holder, heartbeat, failure, skips, health (at most a second old)' })
  @ApiOkResponse({ type: [ProjectionStatusDto] })
  list(): Promise<ProjectionStatusDto[]> {
    return this.health.recentStatuses();
  }

  @Get(':name/failure')
  @ApiOperation({ summary: 'The event a projection is failing on, as stored, with the error and the attempts' })
  @ApiOkResponse({ type: FailingEventDto })
  @ApiErrors({ notFound: 'No such projection (PROJECTION_NOT_FOUND), or it is not failing (PROJECTION_NOT_FAILING)' })
  async failure(@Param('name') name: string): Promise<FailingEventDto> {
    const failing = await this.known(name, () => this.admin.failingEvent(name));
    if (!failing) throw notFailing(name, 404);
    return failing;
  }

  @Post(':name/retry')
  @HttpCode(200)
  @ApiOperation({ summary: 'Try the failing event again at the next poll (after a deploy that fixes it); the attempts start again' })
  @ApiOkResponse({ type: ProjectionStatusDto })
  @ApiErrors({ notFound: 'No such projection (PROJECTION_NOT_FOUND)', conflict: 'It is not failing (PROJECTION_NOT_FAILING)' })
  async retry(@Param('name') name: string): Promise<ProjectionStatusDto> {
    if (!(await this.known(name, () => this.admin.retry(name)))) throw notFailing(name, 409);
    return this.statusOf(name);
  }

  @Post(':name/skip')
  @HttpCode(200)
  @ApiOperation({ summary: 'Pass the failing event by for good, with a reason: recorded (who, why, the error), shown in the status, honoured by rebuilds' })
  @ApiOkResponse({ type: ProjectionStatusDto })
  @ApiErrors({
    badRequest: 'globalPosition or reason missing or malformed (VALIDATION_FAILED)',
    notFound: 'No such projection (PROJECTION_NOT_FOUND)',
    conflict: 'It is not failing on that event (PROJECTION_NOT_FAILING): only the event it fails on can be skipped',
  })
  async skip(@Param('name') name: string, @Body() dto: SkipEventDto, @Ctx() ctx: RequestContext): Promise<ProjectionStatusDto> {
    try {
      await this.known(name, () => this.admin.skip(name, dto.globalPosition, dto.reason, ctx.actor.username));
    } catch (error) {
      if (error instanceof ProjectionNotFailingError) throw notFailing(name, 409, error.message);
      throw error;
    }
    return this.statusOf(name);
  }

  private async known<T>(name: string, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (error instanceof UnknownProjectionError) {
        throw new NotFoundException({ statusCode: 404, error: 'PROJECTION_NOT_FOUND', message: error.message });
      }
      throw error;
    }
  }

  private async statusOf(name: string): Promise<ProjectionStatusDto> {
    const statuses = await this.health.recentStatuses();
    return statuses.find((s) => s.name === name)!;
  }
}

function notFailing(name: string, status: 404 | 409, message = `Projection ${name} is not failing`) {
  const body = { statusCode: status, error: 'PROJECTION_NOT_FAILING', message };
  return status === 404 ? new NotFoundException(body) : new ConflictException(body);
}
