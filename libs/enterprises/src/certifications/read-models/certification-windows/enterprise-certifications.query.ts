import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { CertificationWindowRow } from './certification-window.row';

export type CertificationStatus = 'valid' | 'not_yet_valid' | 'expired' | 'revoked';

export interface EnterpriseCertification {
  certificationId: string;
  type: string;
  level: string;
  batch: string;
  documentNumber: string;
  announcedOn: string;
  validFrom: string;
  validTo: string;
  revokedFrom: string | null;
  /** As of the date asked for: derived from the window, so it is right without any job having run. */
  status: CertificationStatus;
}

export function certificationStatus(row: Pick<CertificationWindowRow, 'validFrom' | 'validTo' | 'revokedFrom'>, on: string): CertificationStatus {
  if (row.revokedFrom !== null && row.revokedFrom <= on) return 'revoked';
  if (on < row.validFrom) return 'not_yet_valid';
  return on > row.validTo ? 'expired' : 'valid';
}

export class ListEnterpriseCertificationsQuery extends Query<EnterpriseCertification[]> {
  constructor(
    readonly uscc: string,
    readonly on: string,
  ) {
    super();
  }
}

/** One enterprise's certification windows with their status on a date (the profile's "as of today"). */
@QueryHandler(ListEnterpriseCertificationsQuery)
export class ListEnterpriseCertificationsHandler implements IQueryHandler<ListEnterpriseCertificationsQuery> {
  constructor(@InjectRepository(CertificationWindowRow) private readonly windows: Repository<CertificationWindowRow>) {}

  async execute({ uscc, on }: ListEnterpriseCertificationsQuery): Promise<EnterpriseCertification[]> {
    const rows = await this.windows.find({ where: { uscc }, order: { validFrom: 'ASC', certificationId: 'ASC' } });
    return rows.map((r) => ({
      certificationId: r.certificationId,
      type: r.type,
      level: r.level,
      batch: r.batch,
      documentNumber: r.documentNumber,
      announcedOn: r.announcedOn,
      validFrom: r.validFrom,
      validTo: r.validTo,
      revokedFrom: r.revokedFrom,
      status: certificationStatus(r, on),
    }));
  }
}
