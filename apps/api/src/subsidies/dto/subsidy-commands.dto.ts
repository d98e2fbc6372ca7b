import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, Length, Max, Min, ValidateIf } from 'class-validator';
import { IsUscc } from '@app/enterprises';
import { IsCalendarDate } from '@app/platform';
import { POLICY_MODES, type PolicyMode } from '@app/subsidies';
import { IsOnOrAfter } from '../../http/date-range';

/** Amounts are whole 分 (fen): 1 元 = 100. Floats and strings are refused here, before the domain sees them. */
const FEN = { description: 'Amount in 分 (fen), a whole number: 1 元 = 100 分', example: 1_000_000, minimum: 1, maximum: Number.MAX_SAFE_INTEGER };
function fenField(): PropertyDecorator {
  return (target, key) => {
    ApiProperty(FEN)(target, key);
    IsInt({ message: `${String(key)} must be a whole number of 分 (fen)` })(target, key);
    Min(1, { message: `${String(key)} must be at least 1 分` })(target, key);
    Max(Number.MAX_SAFE_INTEGER)(target, key);
  };
}

export class PublishPolicyItemDto {
  @ApiProperty({ example: '2023年区级研发费用补助' })
  @IsString()
  @Length(1, 200)
  name: string;

  @ApiProperty({ example: 2023 })
  @IsInt()
  @Min(2000)
  @Max(2100)
  policyYear: number;

  @ApiProperty({ example: '区科技局' })
  @IsString()
  @Length(1, 100)
  issuingUnit: string;

  @ApiProperty({ enum: POLICY_MODES, description: "'automatic' = 免申即享 (matched by the bureau), 'application' = 申报" })
  @IsIn(POLICY_MODES)
  mode: PolicyMode;
}

export class OpenSubsidyCaseDto {
  @ApiProperty({ enum: ['match', 'apply'], description: "'match': the bureau matched the enterprise (免申即享); 'apply': the enterprise applied (申报)" })
  @IsIn(['match', 'apply'])
  how: 'match' | 'apply';

  @ApiProperty({ example: '91330100MA00000011' })
  @IsUscc()
  enterpriseUscc: string;

  @ApiProperty()
  @IsString()
  @Length(1, 100)
  policyItemId: string;

  @ApiPropertyOptional({ description: 'Business date of the match or application (YYYY-MM-DD); defaults to today' })
  @IsOptional()
  @IsCalendarDate()
  on?: string;
}

export class ReviewSubsidyDto {
  @ApiProperty({ enum: ['approve', 'reject'] })
  @IsIn(['approve', 'reject'])
  decision: 'approve' | 'reject';

  @ValidateIf((o: ReviewSubsidyDto) => o.decision === 'approve' || o.approvedAmountFen !== undefined)
  @fenField()
  approvedAmountFen?: number;

  @ApiPropertyOptional({ description: 'Required when rejecting' })
  @ValidateIf((o: ReviewSubsidyDto) => o.decision === 'reject' || o.reason !== undefined)
  @IsString()
  @Length(1, 1000)
  reason?: string;

  @ApiPropertyOptional({ description: 'Business date of the review; defaults to today' })
  @IsOptional()
  @IsCalendarDate()
  on?: string;
}

export class AnnounceSubsidyDto {
  @ApiProperty({ description: '公示 starts (YYYY-MM-DD)' })
  @IsCalendarDate()
  from: string;

  @ApiProperty({ description: '公示 ends, inclusive; payment only after this day' })
  @IsCalendarDate()
  @IsOnOrAfter('from')
  to: string;
}

export class DisburseSubsidyDto {
  @ApiProperty({ description: 'The payment voucher number; reporting the same one again records nothing', example: 'PAY-2024-0001' })
  @IsString()
  @Length(1, 100)
  disbursementId: string;

  @fenField()
  amountFen: number;

  @ApiProperty({ description: 'Payment date (YYYY-MM-DD, Asia/Shanghai)' })
  @IsCalendarDate()
  paidOn: string;
}

export class RecoverSubsidyDto {
  @fenField()
  amountFen: number;

  @ApiProperty({ description: 'Date the money was recovered (YYYY-MM-DD)' })
  @IsCalendarDate()
  recoveredOn: string;

  @ApiProperty()
  @IsString()
  @Length(1, 1000)
  reason: string;
}
