import { ApiProperty } from '@nestjs/swagger';
import { FIGURE_NAMES, type ListedFigureRecord, type NamedUnitFigures, type RankedUnit, type TransferRecord, type UnitFigureRecordsPage, type UnitPerformance, type UnitRanking } from '@app/support';
import { RatioDto } from '../support/dto/support.response.dto';

class UnitScopeDto {
  @ApiProperty({ format: 'date' }) from: string;
  @ApiProperty({ format: 'date' }) to: string;
  @ApiProperty({ format: 'date', description: 'Each problem counts as it stood at the end of this day' }) asOf: string;
  @ApiProperty({ type: String, nullable: true, description: 'Only events recorded by this instant' }) knownAt: string | null;
}

class AcceptanceDaysDto {
  @ApiProperty({ description: 'Assignments accepted in the period' }) count: number;
  @ApiProperty({ type: Number, nullable: true, description: 'Average working days 交办 → 签收 (one decimal)' }) average: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Worst working days 交办 → 签收' }) worst: number | null;
}

export class UnitFiguresDto implements NamedUnitFigures {
  @ApiProperty() unitId: string;
  @ApiProperty({ type: String, nullable: true, description: 'The name in the handling-unit registry now (null: not registered)' }) unitName: string | null;
  @ApiProperty({ type: RatioDto, description: '及时签收率' }) timelyAcceptance: RatioDto;
  @ApiProperty({ type: RatioDto, description: '退回率' }) returnRate: RatioDto;
  @ApiProperty({ type: RatioDto, description: '办结率' }) conclusionRate: RatioDto;
  @ApiProperty({ type: RatioDto, description: '按时办结率' }) onTimeRate: RatioDto;
  @ApiProperty({ type: RatioDto, description: '回访满意率' }) satisfactionRate: RatioDto;
  @ApiProperty({ type: RatioDto, description: '参评率 (always shown beside 回访满意率)' }) ratedRate: RatioDto;
  @ApiProperty({ type: AcceptanceDaysDto }) acceptanceDays: AcceptanceDaysDto;
}

class FigureChangesDto {
  @ApiProperty({ type: Number, nullable: true }) timelyAcceptance: number | null;
  @ApiProperty({ type: Number, nullable: true }) returnRate: number | null;
  @ApiProperty({ type: Number, nullable: true }) conclusionRate: number | null;
  @ApiProperty({ type: Number, nullable: true }) onTimeRate: number | null;
  @ApiProperty({ type: Number, nullable: true }) satisfactionRate: number | null;
  @ApiProperty({ type: Number, nullable: true }) ratedRate: number | null;
}

class RankedUnitDto implements RankedUnit {
  @ApiProperty() rank: number;
  @ApiProperty() unitId: string;
  @ApiProperty({ type: RatioDto }) figure: RatioDto;
  @ApiProperty({ type: Number, nullable: true, description: 'Percentage points against the previous month' }) change: number | null;
  @ApiProperty({ type: FigureChangesDto }) changes: FigureChangesDto;
  @ApiProperty({ type: String, nullable: true, example: '7件中1件超时签收', description: 'Set for the lowest three when something fell short (a unit at 100% gets none)' }) cause: string | null;
}

class UnitRankingDto implements UnitRanking {
  @ApiProperty({ enum: FIGURE_NAMES }) by: (typeof FIGURE_NAMES)[number];
  @ApiProperty({ type: [RankedUnitDto] }) ranked: RankedUnitDto[];
  @ApiProperty({ type: [String], description: 'Units with an empty denominator: listed apart, never scored' }) unscored: string[];
}

class TransferRecordDto implements TransferRecord {
  @ApiProperty() problemId: string;
  @ApiProperty() title: string;
  @ApiProperty({ format: 'date' }) firstAssignedOn: string;
  @ApiProperty({ description: '流转次数: assignments until one unit accepted' }) transfers: number;
  @ApiProperty({ type: Number, nullable: true, description: 'Working days from the first 交办 with no accepting unit' }) limboWorkingDays: number | null;
  @ApiProperty({ type: [String] }) units: string[];
  @ApiProperty({ type: String, nullable: true }) acceptedBy: string | null;
}

class TransferSummaryDto {
  @ApiProperty() problems: number;
  @ApiProperty({ type: Number, nullable: true }) averageTransfers: number | null;
  @ApiProperty({ type: Number, nullable: true }) worstLimboWorkingDays: number | null;
}

export class UnitPerformanceDto implements UnitPerformance {
  @ApiProperty({ type: UnitScopeDto }) scope: UnitScopeDto;
  @ApiProperty({ type: UnitScopeDto, nullable: true, description: 'The month before (for a month query)' }) previousScope: UnitScopeDto | null;
  @ApiProperty({ type: [UnitFiguresDto] }) units: UnitFiguresDto[];
  @ApiProperty({ type: [UnitRankingDto], description: 'One ranking per figure' }) rankings: UnitRankingDto[];
  @ApiProperty({ type: [TransferRecordDto], description: 'Problems that bounced more than twice (at most 50 listed)' }) bounced: TransferRecordDto[];
  @ApiProperty() bouncedTotal: number;
  @ApiProperty({ type: TransferSummaryDto }) transfers: TransferSummaryDto;
}

class FigureRecordDto implements ListedFigureRecord {
  @ApiProperty() problemId: string;
  @ApiProperty({ type: String, nullable: true, description: 'The problem’s title (null if the problems read model has not caught up)' }) title: string | null;
  @ApiProperty() unitId: string;
  @ApiProperty({ type: Number, nullable: true, description: 'The assignment number within the problem (acceptance figures)' }) assignmentSeq: number | null;
  @ApiProperty({ format: 'date', description: 'The date the record is judged on' }) on: string;
  @ApiProperty() inNumerator: boolean;
  @ApiProperty() detail: string;
}

export class UnitFigureRecordsDto implements UnitFigureRecordsPage {
  @ApiProperty() unitId: string;
  @ApiProperty({ enum: FIGURE_NAMES }) figure: string;
  @ApiProperty({ enum: ['numerator', 'denominator'] }) part: string;
  @ApiProperty({ description: 'Equals the figure’s numerator (or denominator)' }) total: number;
  @ApiProperty({ type: [FigureRecordDto] }) items: FigureRecordDto[];
  @ApiProperty() limit: number;
  @ApiProperty() offset: number;
}
