import { BadRequestException, Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { InvalidJobPeriod, JobQueues, JobsService } from '@app/jobs';
import { Roles } from '@app/platform';
import { RunJobDto } from './admin-jobs.dto';

/** The scheduled jobs for admins: queue counts, the failed set, retries and manual runs. */
@ApiTags('admin: jobs')
@ApiBearerAuth()
@Roles('admin')
@ApiResponse({ status: 403, description: 'Admins only' })
@ApiResponse({ status: 503, description: 'Redis is configured but unreachable' })
@Controller('api/v1/admin/jobs')
export class AdminJobsController {
  constructor(
    private readonly jobs: JobsService,
    private readonly queues: JobQueues,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Job counts per queue and state (BullMQ mode); the mode alone in-process' })
  async counts() {
    return { mode: this.jobs.mode, queues: this.queues.enabled ? await this.queues.counts() : {} };
  }

  @Get('failed')
  @ApiOperation({ summary: 'Failed jobs, newest first, with the reason and attempts made' })
  async failed() {
    return this.queues.enabled ? this.queues.failed() : [];
  }

  @Post(':queue/:jobId/retry')
  @HttpCode(200)
  @ApiOperation({ summary: 'Retry a failed job (its effect is idempotent for its period)' })
  @ApiResponse({ status: 404, description: 'No such queue or job' })
  @ApiResponse({ status: 409, description: 'The job is not in the failed set' })
  retry(@Param('queue') queue: string, @Param('jobId') jobId: string) {
    return this.queues.retry(queue, jobId);
  }

  @Post('run')
  @ApiOperation({ summary: 'Run a job for a period now: enqueued under its deterministic id, or run in-process without Redis' })
  @ApiResponse({ status: 201, description: "{ mode: 'queued', jobId, state } or { mode: 'in-process', jobId, result }" })
  async run(@Body() { job, period }: RunJobDto) {
    try {
      return await this.jobs.trigger(job, period);
    } catch (error) {
      if (error instanceof InvalidJobPeriod) throw new BadRequestException(error.message);
      throw error;
    }
  }
}
