import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ExpiringCertifications } from '@app/jobs';
import { AppConfig, Roles, todayInShanghai } from '@app/platform';
import { ApiStandardErrors } from '../http/api-errors';
import { ExpiringCertificationsQueryDto } from './admin-jobs.dto';
import { ExpiringCertificationsReportDto } from './admin-jobs.response.dto';

/** The follow-up list the certification-expiry job produces, on demand and always current. */
@ApiTags('certifications')
@ApiBearerAuth()
@Roles('manager', 'admin', 'caseworker')
@ApiStandardErrors({ forbidden: 'Unit handlers do not see the follow-up list' })
@Controller('api/v1/certifications')
export class ExpiringCertificationsController {
  constructor(
    private readonly expiring: ExpiringCertifications,
    private readonly config: AppConfig,
  ) {}

  @Get('expiring')
  @ApiOperation({ summary: 'Certifications ending within withinDays (default 90) of today, not revoked: for follow-up' })
  @ApiOkResponse({ type: ExpiringCertificationsReportDto })
  list(@Query() { withinDays, on }: ExpiringCertificationsQueryDto): Promise<ExpiringCertificationsReportDto> {
    return this.expiring.list(on ?? todayInShanghai(), withinDays ?? this.config.jobs.expiryWithinDays);
  }
}
