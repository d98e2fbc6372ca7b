import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { IsUscc } from '@app/enterprises';
import { IsCalendarDate } from '@app/platform';
import { TrimmedText } from './trimmed-text';
import { MAX_VERSION } from '../../http/bounds';

// Lengths: enterprise names are registered up to about 50 characters, addresses a little longer;
// the limits leave room and stop pasted documents.
const NAME_MAX = 100;
const ADDRESS_MAX = 200;
const PARK_MAX = 50;
const INDUSTRY_MAX = 100;

export class RegisterEnterpriseDto {
  @ApiProperty({
    example: '914403001922038216',
    description: '统一社会信用代码: 18 characters, upper case, check character per GB 32100-2015',
    minLength: 18,
    maxLength: 18,
  })
  @IsUscc()
  uscc: string;

  @TrimmedText(NAME_MAX, '星河精密制造有限公司')
  name: string;

  @TrimmedText(ADDRESS_MAX, '科创大道 88 号')
  address: string;

  @TrimmedText(PARK_MAX, '智能制造产业园', 'The park (园区) within the zone')
  park: string;

  @TrimmedText(INDUSTRY_MAX, '通用设备制造业')
  industry: string;
}

/** What every change carries: when it took effect, and optionally the version the caller based it on. */
class EnterpriseChangeDto {
  @ApiProperty({ example: '2024-06-15', description: 'Business date the change took effect (YYYY-MM-DD), not after today' })
  @IsCalendarDate()
  effectiveOn: string;

  @ApiPropertyOptional({ description: 'The version you last read; if the enterprise changed since, 409 instead of applying', minimum: 1, maximum: MAX_VERSION })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_VERSION)
  expectedVersion?: number;
}

export class RenameEnterpriseDto extends EnterpriseChangeDto {
  @TrimmedText(NAME_MAX, '星河智能装备股份有限公司', 'The new name')
  name: string;
}

export class RelocateEnterpriseDto extends EnterpriseChangeDto {
  @TrimmedText(ADDRESS_MAX, '生物谷路 9 号')
  address: string;

  @TrimmedText(PARK_MAX, '生物医药产业园')
  park: string;
}
