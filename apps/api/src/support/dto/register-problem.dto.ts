import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsIn, IsOptional, IsString, Length, ValidateNested } from 'class-validator';
import { PROBLEM_CATEGORIES, PROBLEM_SOURCES, VISIT_FORMS, type ProblemCategory, type ProblemSource, type VisitForm } from '@app/support';
import { IsUscc } from '@app/enterprises';
import { IsCalendarDate } from '@app/platform';

export class RaisedProblemDto {
  @ApiProperty({ example: '融资担保额度不足' })
  @IsString()
  @Length(1, 200)
  title: string;

  @ApiProperty()
  @IsString()
  @Length(1, 5000)
  description: string;

  @ApiProperty({ enum: PROBLEM_CATEGORIES })
  @IsIn(PROBLEM_CATEGORIES)
  category: ProblemCategory;
}

export class RegisterProblemDto extends RaisedProblemDto {
  @ApiProperty({ example: '91410100MA44L3QX54' })
  @IsUscc()
  enterpriseUscc: string;

  @ApiProperty({ enum: PROBLEM_SOURCES.filter((s) => s !== 'visit') })
  @IsIn(PROBLEM_SOURCES.filter((s) => s !== 'visit'), { message: 'source must be hotline, letter or online (visits register their problems themselves)' })
  source: ProblemSource;

  @ApiProperty({ description: 'When the enterprise raised it (YYYY-MM-DD)' })
  @IsCalendarDate()
  raisedOn: string;
}

export class LogVisitDto {
  @ApiProperty({ example: '91410100MA44L3QX54' })
  @IsUscc()
  enterpriseUscc: string;

  @ApiProperty({ description: 'The visit date (YYYY-MM-DD); late logging is normal' })
  @IsCalendarDate()
  visitedOn: string;

  @ApiProperty({ type: [String], description: 'User ids of the caseworkers who went' })
  @IsArray()
  @ArrayMinSize(1, { message: 'caseworkerIds must name at least one caseworker' })
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @Length(1, 100, { each: true })
  caseworkerIds: string[];

  @ApiProperty({ enum: VISIT_FORMS })
  @IsIn(VISIT_FORMS)
  form: VisitForm;

  @ApiProperty()
  @IsString()
  @Length(0, 5000)
  notes: string;

  @ApiProperty({ type: [RaisedProblemDto] })
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => RaisedProblemDto)
  problems: RaisedProblemDto[];

  @ApiPropertyOptional({
    description: 'True when this is a second visit to the same enterprise on the same date by the same caseworker, ' +
      'logged within minutes of the first: without it such a visit is refused as a likely retry (VISIT_POSSIBLE_DUPLICATE)',
  })
  @IsOptional()
  @IsBoolean()
  confirmSecondVisit?: boolean;
}

export class VoidVisitDto {
  @ApiProperty()
  @IsString()
  @Length(1, 1000)
  reason: string;
}
