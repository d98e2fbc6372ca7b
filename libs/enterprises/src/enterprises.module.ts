import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { RegisterEnterpriseHandler } from './application/register-enterprise/register-enterprise.handler';
import { RelocateEnterpriseHandler } from './application/relocate-enterprise/relocate-enterprise.handler';
import { RenameEnterpriseHandler } from './application/rename-enterprise/rename-enterprise.handler';
import { EnterpriseDirectoryProjection } from './read-models/enterprise-directory/enterprise-directory.projection';
import { EnterpriseRow } from './read-models/enterprise-directory/enterprise-directory.row';
import { GetEnterpriseHandler } from './read-models/enterprise-directory/get-enterprise.query';
import { EnterpriseNamesHandler } from './read-models/enterprise-directory/enterprise-names.query';
import { ListEnterprisesHandler } from './read-models/enterprise-directory/list-enterprises.query';
import { EnterpriseTimelineProjection } from './read-models/enterprise-timeline/enterprise-timeline.projection';
import { EnterpriseTimelineRow } from './read-models/enterprise-timeline/enterprise-timeline.row';
import { GetEnterpriseTimelineHandler } from './read-models/enterprise-timeline/get-enterprise-timeline.query';

/**
 * The enterprise registry. Needs PlatformModule (global: CQRS buses, CommandRunner, the event store) in the
 * importing app. Imported by the API (commands, queries) and the worker (the projection).
 */
@Module({
  imports: [TypeOrmModule.forFeature([EnterpriseRow, EnterpriseTimelineRow])],
  providers: [
    RegisterEnterpriseHandler,
    RenameEnterpriseHandler,
    RelocateEnterpriseHandler,
    GetEnterpriseHandler,
    EnterpriseNamesHandler,
    ListEnterprisesHandler,
    EnterpriseDirectoryProjection,
    EnterpriseTimelineProjection,
    GetEnterpriseTimelineHandler,
  ],
})
export class EnterprisesModule {}
