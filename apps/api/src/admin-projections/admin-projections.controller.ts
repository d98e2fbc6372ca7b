import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ProjectionHealth } from '@app/event-store';
import { Roles } from '@app/platform';
import { ApiStandardErrors } from '../http/api-errors';
import { ProjectionStatusDto } from './projection-status.dto';

/**
 * The projections with their lease holders. /health is public (a load balancer calls it) and so names no host
 * or process; which worker holds which projection is for admins.
 */
@ApiTags('admin: projections')
@ApiBearerAuth()
@Roles('admin')
@ApiStandardErrors({ forbidden: 'Admins only' })
@Controller('api/v1/admin/projections')
export class AdminProjectionsController {
  constructor(private readonly health: ProjectionHealth) {}

  @Get()
  @ApiOperation({ summary: 'Every projection: version, checkpoint, lag, lease holder, heartbeat, health (at most a second old)' })
  @ApiOkResponse({ type: [ProjectionStatusDto] })
  list(): Promise<ProjectionStatusDto[]> {
    return this.health.recentStatuses();
  }
}
