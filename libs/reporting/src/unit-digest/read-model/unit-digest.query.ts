import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { AppConfig } from '@app/platform';
import { MANAGERS_DIGEST, type DigestLine, type EscalationLine } from '../domain/unit-digest.events';
import { UnitDigestRow } from './unit-digest.row';

export interface UnitDigestView {
  date: string;
  /** A unit id, or 'managers' for the escalation list. */
  unitId: string;
  unitName: string | null;
  /** The unit's lines, most delayed first (empty: nothing coloured that day); empty for 'managers'. */
  lines: DigestLine[];
  /** Problems no unit has taken: only on the managers' digest. */
  escalation: EscalationLine[];
  rules: { blueWithinWorkingDays: number; acceptanceLimitWorkingDays: number; escalateAfterWorkingDays: number };
  cut: { transactionId: string; globalPosition: number; knownAt: string | null };
  generatedAt: string;
}

/** One unit's (or the managers') digest of a date in this zone. Null: no digest was generated for that date. */
export class GetUnitDigest extends Query<UnitDigestView | null> {
  constructor(
    readonly unitId: string,
    readonly date: string,
  ) {
    super();
  }
}

@QueryHandler(GetUnitDigest)
export class GetUnitDigestHandler implements IQueryHandler<GetUnitDigest> {
  constructor(
    @InjectRepository(UnitDigestRow) private readonly rows: Repository<UnitDigestRow>,
    private readonly config: AppConfig,
  ) {}

  async execute({ unitId, date }: GetUnitDigest): Promise<UnitDigestView | null> {
    const row = await this.rows.findOne({ where: { zone: this.config.zoneId, digestDate: date } });
    if (!row) return null;
    const managers = unitId === MANAGERS_DIGEST;
    const unit = row.units.find((u) => u.unitId === unitId);
    return {
      date,
      unitId,
      unitName: managers ? null : (unit?.unitName ?? null),
      lines: unit?.lines ?? [],
      escalation: managers ? row.escalation : [],
      rules: row.rules,
      cut: { transactionId: row.cutTransactionId, globalPosition: row.cutPosition, knownAt: row.knownAt?.toISOString() ?? null },
      generatedAt: row.generatedAt.toISOString(),
    };
  }
}

export interface DigestDateEntry {
  date: string;
  /** How many lines the unit (or the managers' list) had that day. */
  lines: number;
}

export interface DigestDatePage {
  items: DigestDateEntry[];
  total: number;
}

/** The dates with a digest, newest first, each with the unit's (or the managers') number of lines. */
export class ListDigestDates extends Query<DigestDatePage> {
  constructor(
    readonly unitId: string,
    readonly limit: number,
    readonly offset: number,
  ) {
    super();
  }
}

@QueryHandler(ListDigestDates)
export class ListDigestDatesHandler implements IQueryHandler<ListDigestDates> {
  constructor(
    @InjectRepository(UnitDigestRow) private readonly rows: Repository<UnitDigestRow>,
    private readonly config: AppConfig,
  ) {}

  async execute({ unitId, limit, offset }: ListDigestDates): Promise<DigestDatePage> {
    const zone = this.config.zoneId;
    // $2 is the unit id, or 'managers' for the escalation list.
    const count = `CASE WHEN $2::text = '${MANAGERS_DIGEST}' THEN jsonb_array_length(d.escalation) ELSE COALESCE(
      (SELECT jsonb_array_length(u->'lines') FROM jsonb_array_elements(d.units) u WHERE u->>'unitId' = $2::text LIMIT 1), 0) END`;
    const items: DigestDateEntry[] = await this.rows.query(
      `SELECT d.digest_date::text AS date, ${count}::int AS lines FROM unit_digests d
       WHERE d.zone = $1 ORDER BY d.digest_date DESC LIMIT $3 OFFSET $4`,
      [zone, unitId, limit, offset],
    );
    const [{ total }] = await this.rows.query(`SELECT count(*)::int AS total FROM unit_digests WHERE zone = $1`, [zone]);
    return { items, total };
  }
}
