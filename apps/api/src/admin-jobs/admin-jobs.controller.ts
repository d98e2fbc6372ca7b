import { BadRequestException, Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { InvalidJobPeriod, JobQueues, JobsService } from '@app/jobs';
import { Roles } from '@app/platform';
import { ApiErrors, ApiStandardErrors } from '../http/api-errors';
import { RunJobDto } from './admin-jobs.dto';
import { EnqueueResultDto, FailedJobDto, JobCountsDto, JobRunResultDto } from './admin-jobs.response.dto';

/** The scheduled jobs for admins: queue counts, the failed set, retries and manual runs. */
@ApiTags('admin: jobs')
@ApiBearerAuth()
@Roles('admin')
@ApiStandardErrors({ forbidden: 'Admins only', unavailable: 'Redis is configured but unreachable' })
@Controller('api/v1/admin/jobs')
export class AdminJobsController {
  constructor(
    private readonly jobs: JobsService,
    private readonly queues: JobQueues,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Job counts per queue and state (BullMQ mode); the mode alone in-process' })
  @ApiOkResponse({ type: JobCountsDto })
  async counts(): Promise<JobCountsDto> {
    return { mode: this.jobs.mode, queues: this.queues.enabled ? await this.queues.counts() : {} };
  }

  @Get('failed')
  @ApiOperation({ summary: 'Failed jobs, newest first, with the reason and attempts made' })
  @ApiOkResponse({ type: [FailedJobDto] })
  async failed(): Promise<FailedJobDto[]> {
    return this.queues.enabled ? this.queues.failed() : [];
  }

  @Post(':queue/:jobId/retry')
  @HttpCode(200)
  @ApiOperation({ summary: 'Retry a failed job (its effect is idempotent for its period)' })
  @ApiOkResponse({ type: EnqueueResultDto })
  @ApiErrors({ notFound: 'No such queue or job', conflict: 'The job is not in the failed set' })
  retry(@Param('queue') queue: string, @Param('jobId') jobId: string): Promise<EnqueueResultDto> {
    return this.queues.retry(queue, jobId);
  }

  @Post('run')
  @ApiOperation({ summary: 'Run a job for a period now: enqueued under its deterministic id, or run in-process without Redis' })
  @ApiCreatedResponse({ type: JobRunResultDto, description: "{ mode: 'queued', queue, jobId, period, state, created } or { mode: 'in-process', queue, jobId, period, result }" })
  @ApiErrors({ badRequest: 'Malformed input, or a period of the wrong form for the job (a month for monthly-summary, a date otherwise)' })
  async run(@Body() { job, period }: RunJobDto): Promise<JobRunResultDto> {
    try {
      return await this.jobs.trigger(job, period);
    } catch (error) {
      if (error instanceof InvalidJobPeriod) throw new BadRequestException(error.message);
      throw error;
    }
  }
}
