import { Module } from '@nestjs/common';
import { PlatformModule } from '@app/platform';

/** The worker: runs the projections (and, with later issues, the BullMQ processors and schedulers). */
@Module({ imports: [PlatformModule.forRoot({ role: 'worker' })] })
export class WorkerModule {}
