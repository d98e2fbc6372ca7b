import { Module } from '@nestjs/common';
import { JobsModule } from '@app/jobs';
import { JobProcessors } from './job-processors';

/** The worker's jobs: the BullMQ processors and schedulers (no in-process schedule here). */
@Module({
  imports: [JobsModule.register({ inProcessSchedule: false })],
  providers: [JobProcessors],
  exports: [JobProcessors],
})
export class JobsWorkerModule {}
