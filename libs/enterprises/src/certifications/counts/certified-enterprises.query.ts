import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { firstAnnounced, type CountMeasure, type CountScope, type TypeLevel } from './certification-counts';
import type { KnownWindow } from './known-window';
import { loadKnownWindows } from './load-windows';
import { firmsBehindInSql } from './firms-behind-in-sql';
import { groupBy } from '@app/platform/collections/group-by';

export interface CertifiedEnterprisesRequest extends CountScope, TypeLevel {
  measure: CountMeasure;
  knownAt: string | null;
}

export interface CertifiedEnterprise {
  uscc: string;
  /** The current name in the directory; null if the directory has not caught up with the registration. */
  name: string | null;
  /** Its first grant of this type and level by announcement: the day its list was published (新增 counts by this)… */
  firstAnnouncedOn: string;
  /** …and the day that grant's validity started (valid and 累计 count by this). */
  firstValidFrom: string;
  /** Its certifications of this type and level, as known: the windows behind the figure. */
  certifications: Omit<KnownWindow, 'uscc' | 'type' | 'level'>[];
}

export interface CertifiedEnterprisesPage {
  scope: CertifiedEnterprisesRequest;
  /** Every firm behind the count: the figure itself. */
  total: number;
  /** One page of them, in USCC order (stable across pages). */
  items: CertifiedEnterprise[];
  limit: number;
  offset: number;
}

/** The firms behind one count, a page at a time, so a manager can check a figure firm by firm. */
export class ListCertifiedEnterprisesQuery extends Query<CertifiedEnterprisesPage> {
  constructor(
    readonly request: CertifiedEnterprisesRequest,
    readonly page: { limit: number; offset: number },
  ) {
    super();
  }
}

@QueryHandler(ListCertifiedEnterprisesQuery)
export class ListCertifiedEnterprisesHandler implements IQueryHandler<ListCertifiedEnterprisesQuery> {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async execute({ request, page: { limit, offset } }: ListCertifiedEnterprisesQuery): Promise<CertifiedEnterprisesPage> {
    const key = { type: request.type, level: request.level };
    const { total, usccs } = await firmsBehindInSql(this.db, key, request.measure, request, request.knownAt, { limit, offset });
    // Names and windows only for the page: the response is bounded whatever the count.
    const names: { uscc: string; name: string }[] = await this.db.query(`SELECT uscc, name FROM enterprises WHERE uscc = ANY($1::text[])`, [usccs]);
    const nameOf = new Map(names.map((n) => [n.uscc, n.name]));
    const windows = await loadKnownWindows(this.db, key, request.knownAt, { usccs });
    const first = firstAnnounced(windows);
    const windowsOf = groupBy(windows, (w) => w.uscc);
    const items = usccs.map((uscc) => ({
      uscc,
      name: nameOf.get(uscc) ?? null,
      firstAnnouncedOn: first.get(uscc)!.announcedOn,
      firstValidFrom: first.get(uscc)!.validFrom,
      certifications: (windowsOf.get(uscc) ?? []).map(({ uscc: _u, type: _t, level: _l, ...rest }) => rest),
    }));
    return { scope: request, total, items, limit, offset };
  }
}
