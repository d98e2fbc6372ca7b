import { QueueBoardSessionController } from './queue-board-session.controller';
import { Module } from '@nestjs/common';
import { JobsModule } from '@app/jobs';
import { AdminJobsController } from './admin-jobs.controller';
import { BullBoardMount } from './bull-board';
import { ExpiringCertificationsController } from './expiring-certifications.controller';

/**
 * The API's side of the jobs: admin endpoints, Bull Board, the expiring-certifications list, and — with
 * no REDIS_URL — the in-process schedule (this instance is then the only one running jobs).
 */
@Module({
  imports: [JobsModule.register({ inProcessSchedule: true })],
  controllers: [AdminJobsController, ExpiringCertificationsController, QueueBoardSessionController],
  providers: [BullBoardMount],
})
export class AdminJobsModule {}
