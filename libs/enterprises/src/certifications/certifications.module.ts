import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ChangeCertificationHandler } from './application/change-certification';
import { EnterReferenceTotalHandler } from './application/enter-reference-total';
import { GrantCertificationHandler } from './application/grant-certification';
import { GetCertificationCountsHandler } from './counts/certification-counts.query';
import { GetCertificationSeriesHandler } from './counts/certification-series.query';
import { ListCertifiedEnterprisesHandler } from './counts/certified-enterprises.query';
import { CertificationImportRow } from './import/certification-import.row';
import { CommitCertificationImportHandler } from './import/commit-import';
import { GetImportRowsHandler } from './import/import-rows.query';
import { PreviewCertificationImportHandler } from './import/preview-import';
import { CertificationWindowRow } from './read-models/certification-windows/certification-window.row';
import { CertificationWindowsProjection } from './read-models/certification-windows/certification-windows.projection';
import { ReferenceTotalRow } from './read-models/reference-totals/reference-total.row';
import { ReferenceTotalsProjection } from './read-models/reference-totals/reference-totals.projection';
import { ListEnterpriseCertificationsHandler } from './read-models/certification-windows/enterprise-certifications.query';

/** 企业资质: grants, 复核, revocations, the batch import and the counts. Imported by EnterprisesModule. */
@Module({
  imports: [TypeOrmModule.forFeature([CertificationWindowRow, ReferenceTotalRow, CertificationImportRow])],
  providers: [
    GrantCertificationHandler,
    ChangeCertificationHandler,
    EnterReferenceTotalHandler,
    PreviewCertificationImportHandler,
    CommitCertificationImportHandler,
    GetImportRowsHandler,
    GetCertificationCountsHandler,
    GetCertificationSeriesHandler,
    ListCertifiedEnterprisesHandler,
    ListEnterpriseCertificationsHandler,
    CertificationWindowsProjection,
    ReferenceTotalsProjection,
  ],
})
export class CertificationsModule {}
