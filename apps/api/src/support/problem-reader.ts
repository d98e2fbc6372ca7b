import { Injectable } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { EnterpriseNamesQuery } from '@app/enterprises';
import { todayInShanghai } from '@app/platform';
import { GetProblem, ListProblems, ProblemWarnings, type ProblemListFilter, type ProblemSummary } from '@app/support';
import type { ProblemDetailsDto, ProblemSummaryDto } from './dto/support.response.dto';

/**
 * Problems as every page shows them: with the enterprise's current name beside its USCC. The name belongs to the
 * enterprises context, so it is looked up there — one query per page, by primary key — rather than copied into
 * the problems read model (where a rename would leave it stale).
 */
@Injectable()
export class ProblemReader {
  constructor(
    private readonly queries: QueryBus,
    private readonly warnings: ProblemWarnings,
  ) {}

  async list(filter: ProblemListFilter): Promise<{ items: ProblemSummaryDto[]; total: number }> {
    const page: { items: ProblemSummary[]; total: number } = await this.queries.execute(new ListProblems(filter));
    return { items: await this.named(await this.warnings.colour(page.items, filter.today)), total: page.total };
  }

  async get(problemId: string, visibleToUnit: string | null | undefined): Promise<ProblemDetailsDto> {
    const problem: Omit<ProblemDetailsDto, 'enterpriseName'> = await this.queries.execute(new GetProblem(problemId, visibleToUnit));
    const [named] = await this.named(await this.warnings.colour([problem], todayInShanghai()));
    return named;
  }

  private async named<T extends { enterpriseUscc: string }>(items: T[]): Promise<(T & { enterpriseName: string | null })[]> {
    const names = await this.queries.execute(new EnterpriseNamesQuery(items.map((p) => p.enterpriseUscc)));
    return items.map((p) => ({ ...p, enterpriseName: names.get(p.enterpriseUscc) ?? null }));
  }
}
