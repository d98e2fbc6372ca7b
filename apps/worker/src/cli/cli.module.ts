import { Module, type DynamicModule } from '@nestjs/common';
import { CertificationsModule, EnterprisesModule } from '@app/enterprises';
import { AuthModule, PlatformModule } from '@app/platform';
import { ReportingModule } from '@app/reporting';
import { SubsidiesModule } from '@app/subsidies';
import { SupportModule } from '@app/support';
import { JobsModule } from '@app/jobs';

/** The admin CLI's context: the platform without a projection runner of its own. */
@Module({})
export class CliModule {
  static register(): DynamicModule {
    return { module: CliModule, imports: [PlatformModule.forRoot({ role: 'cli' }), AuthModule.register({ guard: false }), EnterprisesModule, CertificationsModule, SupportModule, SubsidiesModule, ReportingModule, JobsModule.register({ inProcessSchedule: false })] };
  }
}
