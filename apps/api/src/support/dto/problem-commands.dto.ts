import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';
import { LEVELS, OUTCOMES, PROBLEM_CATEGORIES, SATISFACTIONS, type Level, type Outcome, type ProblemCategory, type Satisfaction } from '@app/support';
import { IsCalendarDate } from '@app/platform';
import { MAX_VERSION } from '../../http/bounds';

const UNIT_ID = /^[A-Za-z0-9_-]{1,40}$/;
const UNIT_MESSAGE = 'must be a handling unit id: 1-40 of A-Z, a-z, 0-9, _ and -';

/** Every lifecycle step may carry its business date (late logging) and the version the caller saw. */
export class ProblemStepDto {
  @ApiPropertyOptional({ description: 'Business date of the step (YYYY-MM-DD, Asia/Shanghai); defaults to today' })
  @IsOptional()
  @IsCalendarDate()
  on?: string;

  @ApiPropertyOptional({ description: 'The problem version you acted on; a newer version is a 409 instead of a re-decision', minimum: 1, maximum: MAX_VERSION })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_VERSION)
  expectedVersion?: number;
}

export class CategorizeProblemDto extends ProblemStepDto {
  @ApiProperty({ enum: PROBLEM_CATEGORIES })
  @IsIn(PROBLEM_CATEGORIES)
  category: ProblemCategory;
}

export class AssignProblemDto extends ProblemStepDto {
  @ApiProperty({ example: 'district-drc' })
  @Matches(UNIT_ID, { message: `leadUnitId ${UNIT_MESSAGE}` })
  leadUnitId: string;

  @ApiProperty({ type: [String], example: [] })
  @IsArray()
  @ArrayMaxSize(10)
  @Matches(UNIT_ID, { each: true, message: `each co-unit ${UNIT_MESSAGE}` })
  coUnitIds: string[];

  @ApiProperty({ enum: LEVELS })
  @IsIn(LEVELS)
  level: Level;

  @ApiProperty({ description: 'Working days allowed (Chinese working-day calendar)', example: 10 })
  @IsInt()
  @Min(1)
  @Max(250)
  workingDays: number;
}

export class ReasonDto extends ProblemStepDto {
  @ApiProperty()
  @IsString()
  @Length(1, 1000)
  reason: string;
}

export class NoteDto extends ProblemStepDto {
  @ApiProperty()
  @IsString()
  @Length(1, 2000)
  note: string;
}

export class RequestExtensionDto extends ReasonDto {
  @ApiProperty({ example: 5 })
  @IsInt()
  @Min(1)
  @Max(120)
  workingDays: number;
}

export class EscalateProblemDto extends ReasonDto {
  @ApiProperty({ enum: LEVELS })
  @IsIn(LEVELS)
  to: Level;
}

/** A manual 督办. `automatic` is the overdue job's alone: sent here it is an unknown field (400). */
export class SuperviseProblemDto extends NoteDto {}

export class ResolveProblemDto extends ProblemStepDto {
  @ApiProperty({ enum: OUTCOMES })
  @IsIn(OUTCOMES)
  outcome: Outcome;

  @ApiProperty()
  @IsString()
  @Length(1, 2000)
  summary: string;
}

export class FollowUpDto extends ProblemStepDto {
  @ApiProperty({ enum: SATISFACTIONS })
  @IsIn(SATISFACTIONS)
  satisfaction: Satisfaction;

  @ApiProperty()
  @IsString()
  @Length(1, 2000)
  note: string;

  @ApiPropertyOptional({
    example: 5,
    description: '重办 only (unsatisfied), managers only: the new time limit in working days from the follow-up date; by default the original assignment’s',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(120)
  reopenWorkingDays?: number;
}

export class MergeProblemDto extends ProblemStepDto {
  @ApiProperty()
  @IsString()
  @Length(1, 100)
  intoProblemId: string;
}

export class WithdrawProblemDto extends ReasonDto {
  @ApiProperty({ description: 'Who asked for the withdrawal (the enterprise contact)' })
  @IsString()
  @Length(1, 100)
  requestedBy: string;
}
