import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { CERTIFICATION_LEVELS, CERTIFICATION_TYPE_CODES, IsUscc } from '@app/enterprises';
import { IsCalendarDate } from '@app/platform';
import { TrimmedText } from '../../enterprises/dto/trimmed-text';

export class GrantCertificationDto {
  @ApiProperty({ example: '914403001922038216', description: '统一社会信用代码 of a registered enterprise' })
  @IsUscc()
  uscc: string;

  @ApiProperty({ enum: CERTIFICATION_TYPE_CODES, description: 'See certification-types.ts for names and validity rules' })
  @IsIn(CERTIFICATION_TYPE_CODES)
  type: string;

  @ApiProperty({ enum: CERTIFICATION_LEVELS })
  @IsIn(CERTIFICATION_LEVELS)
  level: string;

  @TrimmedText(50, '2024年第一批', 'The announced list (批次)')
  batch: string;

  @TrimmedText(100, '豫工信企业〔2024〕12号', '文号')
  documentNumber: string;

  @ApiProperty({ example: '2024-03-20', description: '公告日期; may be before or after validFrom' })
  @IsCalendarDate()
  announcedOn: string;

  @ApiProperty({ example: '2024-03-01', description: '有效期起 (the certificate date)' })
  @IsCalendarDate()
  validFrom: string;

  @ApiPropertyOptional({ example: '2027-02-28', description: '有效期止; omitted: the longest window the type allows' })
  @IsOptional()
  @IsCalendarDate()
  validTo?: string;
}

export class RenewCertificationDto {
  @TrimmedText(50, '2027年复核第一批', 'The 复核 list')
  batch: string;

  @ApiProperty({ example: '2027-02-10' })
  @IsCalendarDate()
  announcedOn: string;

  @ApiPropertyOptional({ description: 'The new end; omitted: one more validity period' })
  @IsOptional()
  @IsCalendarDate()
  validTo?: string;
}

export class RevokeCertificationDto {
  @ApiProperty({ example: '2025-01-01', description: 'Revoked from this day on; may be in the past (retroactive)' })
  @IsCalendarDate()
  effectiveFrom: string;

  @TrimmedText(500, '申报材料弄虚作假')
  reason: string;
}
