import type { DataSource } from 'typeorm';
import type { CountMeasure, CountScope, TypeLevel } from './certification-counts';
import { knownWindowsParams, knownWindowsSql, validOnSql } from './known-windows.sql';

export interface FirmsBehind {
  /** How many firms stand behind the figure: the figure itself. */
  total: number;
  /** One page of them, in USCC order (byte order, as enterprisesBehind sorts). */
  usccs: string[];
}

/** `enterprisesBehind` (the definition) in one statement: the firms behind one measure, a page and the total. */
export async function firmsBehindInSql(
  db: DataSource,
  key: TypeLevel,
  measure: CountMeasure,
  scope: CountScope,
  knownAt: string | null,
  page: { limit: number; offset: number },
): Promise<FirmsBehind> {
  const [row]: { total: number; usccs: string[] }[] = await db.query(
    `WITH known AS (${knownWindowsSql(knownAt)}),
     firms AS (
       SELECT k.uscc, bool_or(${validOnSql('$4::date')}) AS valid, min(k.valid_from) AS first_valid_from, min(k.announced_on) AS first_announced
       FROM known k GROUP BY k.uscc
     ),
     behind AS (
       SELECT uscc FROM firms
       WHERE CASE $7::text WHEN 'currently_valid' THEN valid
                           WHEN 'ever_certified' THEN first_valid_from <= $4::date
                           ELSE first_announced BETWEEN $5::date AND least($6::date, $4::date) END
     )
     SELECT (SELECT count(*)::int FROM behind) AS total,
            coalesce((SELECT array_agg(uscc ORDER BY uscc COLLATE "C")
                      FROM (SELECT uscc FROM behind ORDER BY uscc COLLATE "C" LIMIT $8 OFFSET $9) on_page), '{}') AS usccs`,
    [...knownWindowsParams(key, knownAt), scope.asOf, scope.from, scope.to, measure, page.limit, page.offset],
  );
  return row;
}
