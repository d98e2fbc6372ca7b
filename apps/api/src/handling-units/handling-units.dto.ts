import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Length, Matches, Max, Min, ValidateIf } from 'class-validator';
import {
  LEVELS,
  MAX_DEACTIVATION_REASON_LENGTH,
  MAX_UNIT_NAME_LENGTH,
  UNIT_ID_PATTERN,
  UNIT_ID_RULE,
  type HandlingUnitCommandResult,
  type HandlingUnitView,
  type Level,
} from '@app/support';
import { ConsistentQueryDto } from '../http/query.dto';
import { MAX_OFFSET } from '../http/bounds';

const NAME_MESSAGE = `name must be 1-${MAX_UNIT_NAME_LENGTH} characters`;
const PARENT_MESSAGE = `parentId must be a unit code (${UNIT_ID_RULE}) or null`;

export class UnitIdParamDto {
  @ApiProperty({ example: 'district-drc' })
  @Matches(UNIT_ID_PATTERN, { message: `id must be ${UNIT_ID_RULE}` })
  id: string;
}

export class RegisterHandlingUnitDto {
  @ApiProperty({ example: 'district-drc', description: `The unit's code, fixed for good (assignments and unit handlers carry it): ${UNIT_ID_RULE}` })
  @Matches(UNIT_ID_PATTERN, { message: `id must be ${UNIT_ID_RULE}` })
  id: string;

  @ApiProperty({ example: '区发展和改革局', maxLength: MAX_UNIT_NAME_LENGTH })
  @IsString({ message: NAME_MESSAGE })
  @Length(1, MAX_UNIT_NAME_LENGTH, { message: NAME_MESSAGE })
  name: string;

  @ApiProperty({ enum: LEVELS, description: '区 district, 市 city, 省 province' })
  @IsIn(LEVELS, { message: `level must be one of ${LEVELS.join(', ')}` })
  level: Level;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'city-tax', description: 'The unit it belongs to, if any: registered and active' })
  @IsOptional()
  @Matches(UNIT_ID_PATTERN, { message: PARENT_MESSAGE })
  parentId?: string | null;
}

/** Only the fields sent change; parentId null detaches the unit from its parent. */
export class ChangeHandlingUnitDto {
  @ApiPropertyOptional({ example: '区发展和改革委员会', maxLength: MAX_UNIT_NAME_LENGTH })
  @IsOptional()
  @IsString({ message: NAME_MESSAGE })
  @Length(1, MAX_UNIT_NAME_LENGTH, { message: NAME_MESSAGE })
  name?: string;

  @ApiPropertyOptional({ enum: LEVELS })
  @IsOptional()
  @IsIn(LEVELS, { message: `level must be one of ${LEVELS.join(', ')}` })
  level?: Level;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'A new parent unit, or null for none; left out: unchanged' })
  @ValidateIf((o: ChangeHandlingUnitDto) => o.parentId !== undefined && o.parentId !== null)
  @Matches(UNIT_ID_PATTERN, { message: PARENT_MESSAGE })
  parentId?: string | null;

  @ApiPropertyOptional({ description: 'The unit version the change is based on; a stale one is a 409' })
  @IsOptional()
  @IsInt()
  @Min(1)
  expectedVersion?: number;
}

export class DeactivateHandlingUnitDto {
  @ApiPropertyOptional({ example: '机构改革，职能并入区发展和改革局', maxLength: MAX_DEACTIVATION_REASON_LENGTH })
  @IsOptional()
  @IsString()
  @Length(1, MAX_DEACTIVATION_REASON_LENGTH, { message: `reason must be 1-${MAX_DEACTIVATION_REASON_LENGTH} characters` })
  reason?: string;
}

export class ListHandlingUnitsQueryDto extends ConsistentQueryDto {
  @ApiPropertyOptional({ description: 'true: only active units (what a unit choice offers); false: only deactivated ones' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'active must be true or false' })
  active?: boolean;

  @ApiPropertyOptional({ enum: LEVELS })
  @IsOptional()
  @IsIn(LEVELS, { message: `level must be one of ${LEVELS.join(', ')}` })
  level?: Level;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, default: 100, maximum: 500, description: 'A zone has dozens of units: one page fills a select' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit = 100;

  @ApiPropertyOptional({ type: 'integer', default: 0, minimum: 0, maximum: MAX_OFFSET })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(MAX_OFFSET)
  offset = 0;
}

export class HandlingUnitDto implements HandlingUnitView {
  @ApiProperty({ example: 'district-drc', description: 'The code assignments and unit handlers carry' })
  id: string;

  @ApiProperty({ example: '区发展和改革局' })
  name: string;

  @ApiProperty({ enum: LEVELS })
  level: Level;

  @ApiProperty({ type: String, nullable: true, example: null })
  parentId: string | null;

  @ApiProperty({ type: String, nullable: true, example: null, description: "The parent's current name" })
  parentName: string | null;

  @ApiProperty({ description: 'Only an active unit is given new problems or new unit handlers' })
  active: boolean;

  @ApiProperty({ example: 1, description: 'The unit stream version (send as expectedVersion with a change)' })
  version: number;

  @ApiProperty({ format: 'date-time' })
  registeredAt: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt: string;
}

export class HandlingUnitPageDto {
  @ApiProperty({ type: [HandlingUnitDto], description: 'By level (区, 市, 省), then code' })
  items: HandlingUnitDto[];

  @ApiProperty({ example: 13 })
  total: number;

  @ApiProperty({ example: 100 })
  limit: number;

  @ApiProperty({ example: 0 })
  offset: number;
}

export class HandlingUnitCommandResultDto implements HandlingUnitCommandResult {
  @ApiProperty({ example: 'district-drc' })
  unitId: string;

  @ApiProperty()
  active: boolean;

  @ApiProperty({ example: 1 })
  version: number;

  @ApiProperty({ type: Number, nullable: true, description: 'Log position of the last event appended; null when nothing changed' })
  position: number | null;
}
