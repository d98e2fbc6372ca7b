import { ApiProperty } from '@nestjs/swagger';
import type { DigestDateEntry, DigestDatePage, DigestLine, EscalationLine, UnitDigestView } from '@app/reporting';

export class DigestCauseDto {
  @ApiProperty({ enum: ['overdue', 'extension_pending', 'not_accepted', 'due_soon', 'assigned_not_accepted', 'returned_not_reassigned'] })
  kind: string;

  @ApiProperty({ type: Number, nullable: true, description: 'The working days the reason counts (overdue, waiting, left, or asked for)' })
  workingDays: number | null;

  @ApiProperty({ required: false, description: 'Escalation only: the 交办 or return date it has waited since' })
  since?: string;
}

export class DigestLineDto implements DigestLine {
  @ApiProperty()
  problemId: string;

  @ApiProperty({ example: '融资难' })
  title: string;

  @ApiProperty({ example: '914403001922038216' })
  enterpriseUscc: string;

  @ApiProperty({ type: String, nullable: true, example: '星河精密制造有限公司' })
  enterpriseName: string | null;

  @ApiProperty({ type: String, nullable: true, example: '2024-09-06' })
  deadline: string | null;

  @ApiProperty({ enum: ['red', 'yellow', 'blue'] })
  colour: 'red' | 'yellow' | 'blue';

  @ApiProperty({ type: DigestCauseDto })
  cause: DigestLine['cause'];

  @ApiProperty({ example: '已超期3个工作日' })
  reason: string;
}

export class EscalationLineDto implements EscalationLine {
  @ApiProperty()
  problemId: string;

  @ApiProperty()
  title: string;

  @ApiProperty()
  enterpriseUscc: string;

  @ApiProperty({ type: String, nullable: true })
  enterpriseName: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'The unit it was assigned to; null once returned' })
  unitId: string | null;

  @ApiProperty({ type: DigestCauseDto })
  cause: EscalationLine['cause'];

  @ApiProperty({ example: '交办后3个工作日无单位签收' })
  reason: string;
}

export class DigestRulesDto {
  @ApiProperty()
  blueWithinWorkingDays: number;

  @ApiProperty()
  acceptanceLimitWorkingDays: number;

  @ApiProperty()
  escalateAfterWorkingDays: number;
}

export class DigestCutDto {
  @ApiProperty({ example: '812' })
  transactionId: string;

  @ApiProperty()
  globalPosition: number;

  @ApiProperty({ type: String, nullable: true, description: 'The recorded-at of the last event the lines were read with' })
  knownAt: string | null;
}

export class UnitDigestViewDto implements UnitDigestView {
  @ApiProperty({ example: '2024-09-11', description: 'The business date the colours are for' })
  date: string;

  @ApiProperty({ example: 'unit-drc', description: "A unit's id, or 'managers'" })
  unitId: string;

  @ApiProperty({ type: String, nullable: true })
  unitName: string | null;

  @ApiProperty({ type: [DigestLineDto], description: 'Most delayed first: red by working days overdue, yellow, blue by deadline' })
  lines: DigestLineDto[];

  @ApiProperty({ type: [EscalationLineDto], description: "Only on the managers' digest: problems no unit has taken" })
  escalation: EscalationLineDto[];

  @ApiProperty({ type: DigestRulesDto })
  rules: DigestRulesDto;

  @ApiProperty({ type: DigestCutDto })
  cut: DigestCutDto;

  @ApiProperty({ description: 'When the digest was recorded' })
  generatedAt: string;
}

export class DigestDateEntryDto implements DigestDateEntry {
  @ApiProperty({ example: '2024-09-11' })
  date: string;

  @ApiProperty({ description: 'Lines that unit (or the managers’ list) had that day' })
  lines: number;
}

export class DigestDatePageDto implements DigestDatePage {
  @ApiProperty({ type: [DigestDateEntryDto] })
  items: DigestDateEntryDto[];

  @ApiProperty()
  total: number;
}
