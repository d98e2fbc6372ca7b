import { OmitType } from '@nestjs/swagger';
import { ProblemListQueryDto, ResolutionFigureProblemsQueryDto } from '../support/dto/support-queries.dto';

/**
 * GET /problems' filters, validated by the same decorators (OmitType keeps them): an export takes every filter the
 * list takes. Paging and sort are left out — a file holds every match, in registration order (newest first).
 */
export class ProblemExportQueryDto extends OmitType(ProblemListQueryDto, ['limit', 'offset', 'sort'] as const) {}

/** GET /metrics/resolution/problems' query without paging: the whole numerator or denominator of one figure. */
export class ResolutionFigureExportQueryDto extends OmitType(ResolutionFigureProblemsQueryDto, ['limit', 'offset', 'cursor'] as const) {}
