import { ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { IsCalendarDate } from '@app/platform';
import type { SubsidyGroupBy } from '@app/subsidies';
import { AsOfQueryDto, ConsistentQueryDto, PageQueryDto } from '../../http/query.dto';
import { IsOnOrAfter } from '../../http/date-range';

const STATUSES = ['matched', 'applied', 'approved', 'rejected', 'announced', 'partially_paid', 'paid'];
const GROUPS: SubsidyGroupBy[] = ['none', 'policy_year', 'policy_item', 'enterprise', 'month'];

export class PolicyItemListQueryDto extends ConsistentQueryDto {
  @ApiPropertyOptional()
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  policyYear?: number;
}

export class SubsidyCaseListQueryDto extends PageQueryDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(18, 18)
  enterpriseUscc?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 100)
  policyItemId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  policyYear?: number;

  @ApiPropertyOptional({ enum: STATUSES })
  @IsOptional()
  @IsIn(STATUSES)
  status?: string;
}

export class SubsidyMetricsQueryDto extends IntersectionType(PolicyItemListQueryDto, AsOfQueryDto) {
  @ApiPropertyOptional({ description: 'Payments dated on or after (YYYY-MM-DD)' })
  @IsOptional()
  @IsCalendarDate()
  from?: string;

  @ApiPropertyOptional({ description: 'Payments dated on or before (YYYY-MM-DD)' })
  @IsOptional()
  @IsCalendarDate()
  @IsOnOrAfter('from')
  to?: string;

  @ApiPropertyOptional({ enum: GROUPS, default: 'none' })
  @IsOptional()
  @IsIn(GROUPS)
  groupBy: SubsidyGroupBy = 'none';
}
