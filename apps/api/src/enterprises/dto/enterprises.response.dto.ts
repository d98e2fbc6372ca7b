import { ApiExtraModels, ApiProperty, getSchemaPath } from '@nestjs/swagger';
import type { EnterpriseChange, EnterpriseCommandResult, EnterprisePage, EnterpriseView, TimelineEntry, TimelinePage } from '@app/enterprises';
import { EnterpriseCertificationDto } from '../../certifications/dto/certifications.response.dto';
import { SubsidyCasePageDto } from '../../subsidies/dto/subsidies.response.dto';
import { ProblemPageDto, VisitPageDto } from '../../support/dto/support.response.dto';

/*
 * What the enterprise registry (企业名录) answers. The classes implement the lib's types, so a field added
 * or retyped there is a compile error here until documented.
 */

export class EnterpriseCommandResultDto implements EnterpriseCommandResult {
  @ApiProperty({ example: '914403001922038216' })
  uscc: string;

  @ApiProperty({ example: 2, description: 'The enterprise stream’s version afterwards: send as expectedVersion to guard the next change' })
  version: number;

  @ApiProperty({ type: Number, nullable: true, example: 1234, description: 'Log position of the last event appended: pass as ?position= to read your write; null when nothing changed' })
  position: number | null;
}

export class EnterpriseLocationDto {
  @ApiProperty({ example: '科创大道 88 号' })
  address: string;

  @ApiProperty({ example: '智能制造产业园' })
  park: string;
}

const NAME_OR_LOCATION = {
  oneOf: [{ type: 'string', example: '星河精密制造有限公司' }, { $ref: getSchemaPath(EnterpriseLocationDto) }],
  description: 'renamed: the name (a string); relocated: { address, park }',
};

/** One entry of an enterprise's history: a rename or a move, as of its effective date. */
@ApiExtraModels(EnterpriseLocationDto)
export class EnterpriseHistoryEntryDto {
  @ApiProperty({ enum: ['renamed', 'relocated'] })
  change: EnterpriseChange['change'];

  @ApiProperty(NAME_OR_LOCATION)
  from: string | EnterpriseLocationDto;

  @ApiProperty(NAME_OR_LOCATION)
  to: string | EnterpriseLocationDto;

  @ApiProperty({ format: 'date', example: '2024-06-15', description: 'When the change took effect' })
  effectiveOn: string;

  @ApiProperty({ format: 'date-time', description: 'When it was recorded' })
  recordedAt: string;

  @ApiProperty({ type: String, nullable: true, description: 'The user who recorded it; null for the system' })
  recordedBy: string | null;
}

export class EnterpriseDto implements EnterpriseView {
  @ApiProperty({ example: '914403001922038216', description: '统一社会信用代码' })
  uscc: string;

  @ApiProperty({ example: '星河精密制造有限公司', description: 'The current name; earlier ones are in history' })
  name: string;

  @ApiProperty({ example: '科创大道 88 号' })
  address: string;

  @ApiProperty({ example: '智能制造产业园', description: 'The park (园区) within the zone' })
  park: string;

  @ApiProperty({ example: '通用设备制造业' })
  industry: string;

  @ApiProperty({ format: 'date-time', description: 'When the bureau entered it into the registry' })
  registeredAt: string;

  @ApiProperty({ format: 'date-time', description: 'When its last event was recorded' })
  updatedAt: string;

  @ApiProperty({ example: 1, description: 'The enterprise stream’s version: send as expectedVersion' })
  version: number;

  @ApiProperty({ type: [EnterpriseHistoryEntryDto], description: 'Renames and moves, in the order recorded' })
  history: EnterpriseChange[];
}

export class EnterprisePageDto implements EnterprisePage {
  @ApiProperty({ type: [EnterpriseDto] })
  items: EnterpriseDto[];

  @ApiProperty({ example: 57, description: 'How many enterprises match the filter, over all pages' })
  total: number;

  @ApiProperty({ example: 20 })
  limit: number;

  @ApiProperty({ example: 0 })
  offset: number;
}

/** One line of the profile's timeline: any event about the enterprise, from any context. */
export class EnterpriseTimelineEntryDto implements TimelineEntry {
  @ApiProperty({ example: 1234, description: 'The event’s log position' })
  position: number;

  @ApiProperty({ example: 'VisitLogged', description: 'The event type (EnterpriseRegistered, VisitLogged, ProblemRegistered, CertificationGranted, Subsidy… )' })
  type: string;

  @ApiProperty({ format: 'date', example: '2024-06-03', description: 'Business date of the fact (Asia/Shanghai)' })
  on: string;

  @ApiProperty({ format: 'date-time' })
  recordedAt: string;

  @ApiProperty({ type: String, nullable: true, description: 'The acting user; null for the system' })
  actorId: string | null;

  @ApiProperty({ example: 'visit-5b0c…' })
  streamId: string;

  @ApiProperty({ type: 'object', additionalProperties: true, description: 'The event’s data as recorded; its fields depend on `type`' })
  data: Record<string, unknown>;
}

export class EnterpriseTimelinePageDto implements TimelinePage {
  @ApiProperty({ type: [EnterpriseTimelineEntryDto] })
  items: EnterpriseTimelineEntryDto[];

  @ApiProperty({ example: 37, description: 'Every event about the enterprise' })
  total: number;
}

/**
 * The enterprise profile: the registry entry, its certifications with their status today, its visits,
 * problems and subsidy cases (the first 100 of each, with the totals), and one timeline of its latest events.
 */
export class EnterpriseProfileDto extends EnterpriseDto {
  @ApiProperty({ format: 'date', example: '2024-06-30', description: 'Today (Asia/Shanghai): the day the certification statuses are for' })
  asOf: string;

  @ApiProperty({ type: [EnterpriseCertificationDto] })
  certifications: EnterpriseCertificationDto[];

  @ApiProperty({ type: () => VisitPageDto, description: 'Its visits, voided ones included, newest first (at most 100; total counts all)' })
  visits: VisitPageDto;

  @ApiProperty({ type: () => ProblemPageDto, description: 'Its problems, newest first (at most 100)' })
  problems: ProblemPageDto;

  @ApiProperty({ type: () => SubsidyCasePageDto, description: 'Its subsidy cases, newest first (at most 100)' })
  subsidies: SubsidyCasePageDto;

  @ApiProperty({ type: () => EnterpriseTimelinePageDto, description: 'Its latest events (at most 100; total counts all), in business-date order (log order within a day)' })
  timeline: EnterpriseTimelinePageDto;
}
