import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import { IsCalendarDate } from '@app/platform';
import { UNIT_ID_PATTERN, UNIT_ID_RULE } from '@app/support';
import { ConsistentQueryDto } from '../../http/query.dto';

export class WarningCountsQueryDto extends ConsistentQueryDto {
  @ApiPropertyOptional({ format: 'date', description: 'The day the colours are judged on (YYYY-MM-DD); defaults to today in Asia/Shanghai' })
  @IsOptional()
  @IsCalendarDate()
  asOf?: string;

  @ApiPropertyOptional({ example: 'district-drc', description: 'Only this lead unit. A unit handler gets its own unit whether or not it says so, and may not name another' })
  @IsOptional()
  @Matches(UNIT_ID_PATTERN, { message: `unit must be a unit code: ${UNIT_ID_RULE}` })
  unit?: string;
}

export class UnitWarningCountDto {
  @ApiProperty({ example: 'district-drc', description: 'The lead unit (the one that must act)' })
  unitId: string;

  @ApiProperty({ example: 1, description: 'Open problems past their deadline (超期)' })
  red: number;

  @ApiProperty({ example: 2, description: 'An extension asked, or not accepted within the acceptance limit' })
  yellow: number;

  @ApiProperty({ example: 3, description: 'Deadline within N working days' })
  blue: number;
}

export class WarningCountsDto {
  @ApiProperty({ format: 'date', example: '2024-09-11' })
  asOf: string;

  @ApiProperty({ example: 2, description: 'Blue when the deadline is within this many working days' })
  blueWithinWorkingDays: number;

  @ApiProperty({ example: 1, description: 'The acceptance (签收) limit in working days' })
  acceptanceLimitWorkingDays: number;

  @ApiProperty({ type: [UnitWarningCountDto], description: 'Units with at least one coloured open problem, by unit code' })
  units: UnitWarningCountDto[];
}
