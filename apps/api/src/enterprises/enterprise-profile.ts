import { Injectable } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { GetEnterpriseQuery, GetEnterpriseTimelineQuery, ListEnterpriseCertificationsQuery } from '@app/enterprises';
import { todayInShanghai } from '@app/platform';
import { ListSubsidyCases } from '@app/subsidies';
import { ListVisits } from '@app/support';
import { ProblemReader } from '../support/problem-reader';

/** How many items of each list the profile shows; the list endpoints page through the rest. */
const PROFILE_LIST_LIMIT = 100;

/**
 * The enterprise profile: the registry entry, its certifications with their status today, its visits,
 * problems and subsidy cases, and one timeline of every event about it. Composed here, at the edge,
 * from each context's own read models, so no context reaches into another's tables.
 */
@Injectable()
export class EnterpriseProfile {
  constructor(
    private readonly queries: QueryBus,
    private readonly problemReader: ProblemReader,
  ) {}

  async of(uscc: string) {
    const today = todayInShanghai();
    const enterprise = await this.queries.execute(new GetEnterpriseQuery(uscc));
    const [certifications, visits, problems, subsidies, timeline] = await Promise.all([
      this.queries.execute(new ListEnterpriseCertificationsQuery(uscc, today)),
      this.queries.execute(new ListVisits({ enterpriseUscc: uscc, includeVoided: true, limit: PROFILE_LIST_LIMIT, offset: 0 })),
      this.problemReader.list({ enterpriseUscc: uscc, today, limit: PROFILE_LIST_LIMIT, offset: 0 }),
      this.queries.execute(new ListSubsidyCases({ enterpriseUscc: uscc, limit: PROFILE_LIST_LIMIT, offset: 0 })),
      this.queries.execute(new GetEnterpriseTimelineQuery(uscc, PROFILE_LIST_LIMIT)),
    ]);
    return { ...enterprise, asOf: today, certifications, visits, problems, subsidies, timeline };
  }
}
