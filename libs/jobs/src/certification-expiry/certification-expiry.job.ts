import { Injectable, Logger } from '@nestjs/common';
import { AppConfig } from '@app/platform';
import { ExpiringCertifications, type ExpiringCertificationsReport } from './expiring-certifications';

export type { ExpiringCertificationsReport };

/** 资质到期提醒: the daily follow-up list. It only reads, so any number of runs is harmless. */
@Injectable()
export class CertificationExpiryJob {
  private readonly logger = new Logger('CertificationExpiry');

  constructor(
    private readonly expiring: ExpiringCertifications,
    private readonly config: AppConfig,
  ) {}

  async run(on: string): Promise<ExpiringCertificationsReport> {
    const report = await this.expiring.list(on, this.config.jobs.expiryWithinDays);
    this.logger.log(`Certification expiry on ${on}: ${report.count} ending within ${report.withinDays} days`);
    return report;
  }
}
