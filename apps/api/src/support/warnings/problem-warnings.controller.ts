import { Controller, ForbiddenException, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AppConfig, CurrentUser, Roles, todayInShanghai, type AuthUser } from '@app/platform';
import { ProblemWarnings } from '@app/support';
import { ApiErrors, ApiStandardErrors } from '../../http/api-errors';
import { WarningCountsDto, WarningCountsQueryDto } from './problem-warnings.dto';

/** 三色预警 counted per lead unit: a manager sees every unit, a unit handler its own. */
@ApiTags('problems')
@ApiBearerAuth()
@ApiStandardErrors({ forbidden: 'Only managers, admins and unit handlers (for their own unit) read warning counts' })
@Controller('api/v1/problem-warnings')
export class ProblemWarningsController {
  constructor(
    private readonly warnings: ProblemWarnings,
    private readonly config: AppConfig,
  ) {}

  @Get('units')
  @Roles('unit_handler', 'manager', 'admin')
  @ApiOperation({ summary: '三色预警 per lead unit: open problems red (超期), yellow (延期申请中/超时未签收), blue (临近期限)' })
  @ApiOkResponse({ type: WarningCountsDto })
  @ApiErrors({ forbidden: 'A unit handler naming another unit (NOT_YOUR_UNIT, field unit)' })
  async units(@Query() q: WarningCountsQueryDto, @CurrentUser() user: AuthUser): Promise<WarningCountsDto> {
    const asOf = q.asOf ?? todayInShanghai();
    return { asOf, ...this.config.warnings, units: await this.warnings.countsPerUnit(asOf, unitScope(user, q.unit)) };
  }
}

export function unitScope(user: AuthUser, unit: string | undefined): string | undefined {
  if (user.role !== 'unit_handler') return unit;
  if (unit !== undefined && unit !== user.unitId) {
    throw new ForbiddenException({ statusCode: 403, error: 'NOT_YOUR_UNIT', message: `A unit handler reads only its own unit: unit=${user.unitId ?? '(none)'}`, field: 'unit' });
  }
  return user.unitId ?? '';
}
