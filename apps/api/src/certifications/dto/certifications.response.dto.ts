import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  CERTIFICATION_LEVELS,
  CERTIFICATION_TYPE_CODES,
  COUNT_MEASURES,
  REFERENCE_MEASURES,
  REFERENCE_SCOPES,
  type CertificationCommandResult,
  type CertificationCount,
  type CertificationCountsView,
  type CertificationStatus,
  type CertifiedEnterprise,
  type CertifiedEnterprisesRequest,
  type CountMeasure,
  type CountsRequest,
  type CountWithShares,
  type EnterpriseCertification,
  type ImportCommitResult,
  type ImportPreview,
  type MonthlyPoint,
  type PreviewRow,
  type PreviewStatus,
  type Revision,
  type SeriesRequest,
} from '@app/enterprises';

/*
 * What the certification routes (资质认定: grants, 复核, revocations, imports, counts) answer. Each class
 * implements the lib's own type, so a field added or retyped there is a compile error here until documented.
 */

const POSITION = { type: Number, nullable: true, example: 1234, description: 'Log position of the last event appended: pass as ?position= to read your write; null when nothing changed' } as const;
const TYPE = { enum: CERTIFICATION_TYPE_CODES, example: 'specialized_sme' } as const;
const LEVEL = { enum: CERTIFICATION_LEVELS, example: 'province' } as const;
const CERTIFICATION_STATUSES = ['valid', 'not_yet_valid', 'expired', 'revoked'] as const satisfies readonly CertificationStatus[];
export const PREVIEW_STATUSES = ['ok', 'error', 'duplicate', 'overlap', 'unknown_enterprise'] as const satisfies readonly PreviewStatus[];

// ── commands ─────────────────────────────────────────────────────────────────────────────────────

export class CertificationCommandResultDto implements CertificationCommandResult {
  @ApiProperty({ example: '914403001922038216' })
  uscc: string;

  @ApiProperty({ description: 'Derived from uscc, type, level and batch: the same grant always has the same id' })
  certificationId: string;

  @ApiProperty({ example: 1, description: 'The enterprise’s certifications stream version afterwards' })
  version: number;

  @ApiProperty(POSITION)
  position: number | null;
}

export class ReferenceTotalResultDto {
  @ApiProperty({ example: 3, description: 'The reference-totals stream version afterwards' })
  version: number;

  @ApiProperty(POSITION)
  position: number | null;
}

/** One certification of an enterprise, with its status on the day asked for (the profile: today). */
export class EnterpriseCertificationDto implements EnterpriseCertification {
  @ApiProperty()
  certificationId: string;

  @ApiProperty(TYPE)
  type: string;

  @ApiProperty(LEVEL)
  level: string;

  @ApiProperty({ example: '2024年第一批', description: 'The announced list it came on' })
  batch: string;

  @ApiProperty({ example: '豫工信企业〔2024〕56号' })
  documentNumber: string;

  @ApiProperty({ format: 'date', example: '2024-05-20' })
  announcedOn: string;

  @ApiProperty({ format: 'date', example: '2024-05-01' })
  validFrom: string;

  @ApiProperty({ format: 'date', example: '2027-04-30', description: 'As granted, or as extended by the last 复核' })
  validTo: string;

  @ApiProperty({ type: String, nullable: true, format: 'date', example: null, description: 'Revoked with effect from this date; null if not revoked' })
  revokedFrom: string | null;

  @ApiProperty({ enum: CERTIFICATION_STATUSES, example: 'valid', description: 'On the day asked for, derived from the window' })
  status: CertificationStatus;
}

// ── imports (批量导入) ─────────────────────────────────────────────────────────────────────────────

export class ImportRowErrorDto {
  @ApiProperty({ example: 'uscc', description: 'The column at fault, or `row` for a duplicate' })
  field: string;

  @ApiProperty({ example: '统一社会信用代码校验位错误' })
  message: string;
}

export class ImportPreviewRowDto implements PreviewRow {
  @ApiProperty({ example: 2, description: 'The row number in the sheet (the header is row 1)' })
  row: number;

  @ApiProperty({ enum: PREVIEW_STATUSES, description: 'ok: will be granted; error: see errors; duplicate: the same grant as an earlier row; overlap: the same firm, type and level as an earlier row, for an overlapping window; unknown_enterprise: not registered' })
  status: PreviewStatus;

  @ApiProperty({ type: [ImportRowErrorDto], description: 'Empty on ok rows' })
  errors: ImportRowErrorDto[];

  @ApiProperty({ example: '星河精密制造有限公司' })
  name: string;

  @ApiProperty({ example: '914403001922038216' })
  uscc: string;

  @ApiProperty({ example: 'specialized_sme', description: 'The type code the column resolved to; as written when it resolved to none' })
  type: string;

  @ApiProperty({ example: 'province' })
  level: string;

  @ApiProperty({ example: '2024年第一批' })
  batch: string;

  @ApiProperty({ example: '豫工信企业〔2024〕56号' })
  documentNumber: string;

  @ApiProperty({ example: '2024-05-20', description: 'Normalised to YYYY-MM-DD where the text allowed' })
  announcedOn: string;

  @ApiProperty({ example: '2024-05-01' })
  validFrom: string;

  @ApiProperty({ example: '2027-04-30', description: 'As given, or derived from the type’s rule when left empty' })
  validTo: string;

  @ApiProperty({ type: String, nullable: true, description: 'Null on rows with errors' })
  certificationId: string | null;

  @ApiPropertyOptional({ description: 'unknown_enterprise rows: committing with registerUnknown registers it under the name in the sheet' })
  canRegister?: boolean;

  @ApiPropertyOptional({ example: 2, description: 'duplicate rows: the earlier row with the same grant' })
  duplicateOf?: number;

  @ApiPropertyOptional({ example: 2, description: 'overlap rows: the earlier row whose window this one overlaps' })
  overlapsRow?: number;
}

export class ImportSummaryDto implements Record<PreviewStatus, number> {
  @ApiProperty({ example: 18 })
  ok: number;

  @ApiProperty({ example: 1 })
  error: number;

  @ApiProperty({ example: 0 })
  duplicate: number;

  @ApiProperty({ example: 0 })
  overlap: number;

  @ApiProperty({ example: 1 })
  unknown_enterprise: number;
}

export class ImportPreviewDto implements ImportPreview {
  @ApiProperty({ format: 'uuid', description: 'Commit it with POST /api/v1/certifications/imports/{importId}/commit' })
  importId: string;

  @ApiProperty({ description: 'sha256 of the uploaded bytes' })
  contentHash: string;

  @ApiProperty({ enum: ['csv', 'xlsx'] })
  format: 'csv' | 'xlsx';

  @ApiProperty({ type: () => ImportSummaryDto, description: 'How many rows have each status' })
  summary: ImportSummaryDto;

  @ApiProperty({ example: 20, description: 'Data rows in the file; all are checked, stored and counted in summary' })
  totalRows: number;

  @ApiProperty({ type: [ImportPreviewRowDto], description: 'The first 50 rows; page the rest with GET /api/v1/certifications/imports/{importId}/rows' })
  rows: ImportPreviewRowDto[];
}

export class ImportRowsPageDto {
  @ApiProperty({ type: [ImportPreviewRowDto] })
  items: ImportPreviewRowDto[];

  @ApiProperty({ example: 120, description: 'Rows matching the filter' })
  total: number;
}

export class ImportSkippedRowDto {
  @ApiProperty({ example: 5 })
  row: number;

  @ApiProperty({ enum: PREVIEW_STATUSES, example: 'error' })
  status: PreviewStatus;
}

export class ImportRefusedRowDto {
  @ApiProperty({ example: 7 })
  row: number;

  @ApiProperty({ example: 'OVERLAPPING_CERTIFICATION' })
  code: string;

  @ApiProperty()
  message: string;
}

export class ImportCommitResultDto implements ImportCommitResult {
  @ApiProperty({ format: 'uuid' })
  importId: string;

  @ApiProperty({ example: 18, description: 'Grants appended now; committing the same list again gives 0' })
  appended: number;

  @ApiProperty({ example: 0, description: 'Rows whose grant was recorded already' })
  unchanged: number;

  @ApiProperty({ example: 1, description: 'Unknown enterprises registered (registerUnknown)' })
  registered: number;

  @ApiProperty({ type: [ImportSkippedRowDto], description: 'Rows not committed, with their preview status' })
  skipped: ImportSkippedRowDto[];

  @ApiProperty({ type: [ImportRefusedRowDto], description: 'Rows the enterprise’s history refused (e.g. an overlapping window); the others went on' })
  refused: ImportRefusedRowDto[];

  @ApiProperty(POSITION)
  position: number | null;
}

// ── counts ───────────────────────────────────────────────────────────────────────────────────────

export class CertificationShareDto implements Readonly<CountWithShares['shares'][number]> {
  @ApiProperty({ enum: REFERENCE_SCOPES, example: 'city' })
  scope: string;

  @ApiProperty({
    enum: REFERENCE_MEASURES,
    example: 'currently_valid',
    description: 'Which zone count is compared with the total; a new_in_period total covers 1 January of its year to its date, so it is shared only for that period',
  })
  measure: (typeof REFERENCE_MEASURES)[number];

  @ApiProperty({ format: 'date', example: '2024-06-30', description: 'The date the city/province total refers to' })
  referenceAsOf: string;

  @ApiProperty({ example: '市工信局 2024年6月通报' })
  source: string;

  @ApiProperty({ example: 2, description: 'The zone’s count' })
  numerator: number;

  @ApiProperty({ example: 5, description: 'The city/province total' })
  denominator: number;

  @ApiProperty({ type: Number, nullable: true, example: 40, description: 'Rounded half-up to one decimal; null when the denominator is 0' })
  percent: number | null;

  @ApiProperty({ example: '40.0%' })
  display: string;
}

export class CertificationCountDto implements CertificationCount {
  @ApiProperty(TYPE)
  type: string;

  @ApiProperty(LEVEL)
  level: string;

  @ApiProperty({ example: '省级专精特新中小企业' })
  typeName: string;

  @ApiProperty({ example: 12, description: 'Enterprises with a window containing asOf, not revoked by then' })
  currentlyValid: number;

  @ApiProperty({ example: 15, description: '累计培育: enterprises ever granted by asOf' })
  everCertified: number;

  @ApiProperty({ example: 3, description: '新增: enterprises whose first grant of this type and level falls in the period' })
  newInPeriod: number;
}

export class CertificationCountWithSharesDto extends CertificationCountDto implements CountWithShares {
  @ApiProperty({ type: [CertificationShareDto], description: 'Shares of the city/province totals entered for a date on or before asOf' })
  shares: CertificationShareDto[];
}

export class CertificationCountsScopeDto implements CountsRequest {
  @ApiProperty({ format: 'date', example: '2024-06-30' })
  asOf: string;

  @ApiProperty({ format: 'date', example: '2024-01-01', description: '新增 period start' })
  from: string;

  @ApiProperty({ format: 'date', example: '2024-06-30', description: '新增 period end (never after asOf)' })
  to: string;

  @ApiPropertyOptional({ ...TYPE, description: 'Left out when not filtered' })
  type?: string;

  @ApiPropertyOptional({ ...LEVEL, description: 'Left out when not filtered' })
  level?: string;

  @ApiProperty({ type: String, nullable: true, format: 'date-time', description: 'Only what had been recorded by this instant; null: everything' })
  knownAt: string | null;
}

export class CertificationRevisionDto implements Revision {
  @ApiProperty()
  certificationId: string;

  @ApiProperty({ example: '914403001922038216' })
  uscc: string;

  @ApiProperty(TYPE)
  type: string;

  @ApiProperty(LEVEL)
  level: string;

  @ApiProperty({ format: 'date', example: '2024-03-01' })
  revokedFrom: string;

  @ApiProperty({ format: 'date-time', description: 'When the revocation was recorded (after the report day)' })
  recordedAt: string;
}

export class CertificationCountsDto implements CertificationCountsView {
  @ApiProperty({ type: () => CertificationCountsScopeDto })
  scope: CertificationCountsScopeDto;

  @ApiProperty({ type: [CertificationCountWithSharesDto], description: 'Every type and level the rules allow (narrowed by the filter); zero counts included' })
  counts: CertificationCountWithSharesDto[];

  @ApiProperty({ type: [CertificationRevisionDto], description: 'Revocations recorded after asOf that reach back before it: the valid counts differ from what was known on asOf' })
  revisions: CertificationRevisionDto[];
}

export class CertificationSeriesScopeDto implements SeriesRequest {
  @ApiProperty({ format: 'date', example: '2024-01-01' })
  from: string;

  @ApiProperty({ format: 'date', example: '2024-12-31' })
  to: string;

  @ApiPropertyOptional({ ...TYPE, description: 'Left out when not filtered' })
  type?: string;

  @ApiPropertyOptional({ ...LEVEL, description: 'Left out when not filtered' })
  level?: string;

  @ApiProperty({ type: String, nullable: true, format: 'date-time' })
  knownAt: string | null;
}

export class CertificationMonthlyPointDto implements MonthlyPoint {
  @ApiProperty({ example: '2024-06' })
  month: string;

  @ApiProperty({ format: 'date', example: '2024-06-30', description: 'The day counted: the month’s last day, or `to` in the last month' })
  asOf: string;

  @ApiProperty({ type: [CertificationCountDto], description: 'Valid and 累计 at asOf; 新增 within the month' })
  counts: CertificationCountDto[];
}

export class CertificationSeriesDto {
  @ApiProperty({ type: () => CertificationSeriesScopeDto })
  scope: CertificationSeriesScopeDto;

  @ApiProperty({ type: [CertificationMonthlyPointDto] })
  points: CertificationMonthlyPointDto[];
}

export class CertifiedEnterprisesScopeDto implements CertifiedEnterprisesRequest {
  @ApiProperty({ format: 'date', example: '2024-06-30' })
  asOf: string;

  @ApiProperty({ format: 'date', example: '2024-01-01' })
  from: string;

  @ApiProperty({ format: 'date', example: '2024-06-30' })
  to: string;

  @ApiProperty(TYPE)
  type: string;

  @ApiProperty(LEVEL)
  level: string;

  @ApiProperty({ enum: COUNT_MEASURES, example: 'currently_valid' })
  measure: CountMeasure;

  @ApiProperty({ type: String, nullable: true, format: 'date-time' })
  knownAt: string | null;
}

/** A certification window as known (at knownAt): what the count is computed from. */
export class KnownCertificationWindowDto implements Readonly<CertifiedEnterprise['certifications'][number]> {
  @ApiProperty()
  certificationId: string;

  @ApiProperty({ example: '2024年第一批' })
  batch: string;

  @ApiProperty({ example: '豫工信企业〔2024〕56号' })
  documentNumber: string;

  @ApiProperty({ format: 'date', example: '2024-05-20' })
  announcedOn: string;

  @ApiProperty({ format: 'date', example: '2024-05-01' })
  validFrom: string;

  @ApiProperty({ format: 'date', example: '2027-04-30' })
  validTo: string;

  @ApiProperty({ type: String, nullable: true, format: 'date', example: null })
  revokedFrom: string | null;

  @ApiProperty({ type: String, nullable: true, format: 'date-time', example: null, description: 'When the revocation was recorded' })
  revocationRecordedAt: string | null;
}

export class CertifiedEnterpriseDto implements CertifiedEnterprise {
  @ApiProperty({ example: '914403001922038216' })
  uscc: string;

  @ApiProperty({ type: String, nullable: true, example: '星河精密制造有限公司', description: 'Null if the directory has not caught up with the registration' })
  name: string | null;

  @ApiProperty({ format: 'date', example: '2024-07-15', description: 'Its first grant of this type and level was announced on this day: 新增 counts it in the period containing it' })
  firstAnnouncedOn: string;

  @ApiProperty({ format: 'date', example: '2024-05-01', description: 'That first grant is valid from this day: currently valid and 累计 count from it' })
  firstValidFrom: string;

  @ApiProperty({ type: [KnownCertificationWindowDto], description: 'Its certifications of this type and level: the windows behind the figure' })
  certifications: KnownCertificationWindowDto[];
}

export class CertifiedEnterprisesDto {
  @ApiProperty({ type: () => CertifiedEnterprisesScopeDto })
  scope: CertifiedEnterprisesScopeDto;

  @ApiProperty({ example: 12, description: 'How many enterprises are behind the count (the figure itself)' })
  total: number;

  @ApiProperty({ type: [CertifiedEnterpriseDto], description: 'This page of them, in USCC order' })
  items: CertifiedEnterpriseDto[];

  @ApiProperty({ example: 20 })
  limit: number;

  @ApiProperty({ example: 0 })
  offset: number;
}
