import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { RegisterEnterpriseHandler } from './application/register-enterprise/register-enterprise.handler';
import { RelocateEnterpriseHandler } from './application/relocate-enterprise/relocate-enterprise.handler';
import { RenameEnterpriseHandler } from './application/rename-enterprise/rename-enterprise.handler';
import { EnterpriseDirectoryProjection } from './read-models/enterprise-directory/enterprise-directory.projection';
import { EnterpriseRow } from './read-models/enterprise-directory/enterprise-directory.row';
import { GetEnterpriseHandler } from './read-models/enterprise-directory/get-enterprise.query';
import { ListEnterprisesHandler } from './read-models/enterprise-directory/list-enterprises.query';

/**
 * The enterprise registry. Needs PlatformModule (global: CQRS buses, CommandRunner, the event store) in the
 * importing app. Imported by the API (commands, queries) and the worker (the projection).
 */
@Module({
  imports: [TypeOrmModule.forFeature([EnterpriseRow])],
  providers: [
    RegisterEnterpriseHandler,
    RenameEnterpriseHandler,
    RelocateEnterpriseHandler,
    GetEnterpriseHandler,
    ListEnterprisesHandler,
    EnterpriseDirectoryProjection,
  ],
})
export class EnterprisesModule {}
