import { Module, type DynamicModule } from '@nestjs/common';
import { CertificationsModule, EnterprisesModule } from '@app/enterprises';
import { PlatformModule } from '@app/platform';
import { ReportingModule } from '@app/reporting';
import { SubsidiesModule } from '@app/subsidies';
import { SupportModule } from '@app/support';
import { JobsWorkerModule } from './jobs/jobs-worker.module';

/** The worker: runs the projections (and, with later issues, the BullMQ processors and schedulers). */
@Module({})
export class WorkerModule {
  static register(): DynamicModule {
    return { module: WorkerModule, imports: [PlatformModule.forRoot({ role: 'worker' }), EnterprisesModule, CertificationsModule, SupportModule, SubsidiesModule, ReportingModule, JobsWorkerModule] };
  }
}
