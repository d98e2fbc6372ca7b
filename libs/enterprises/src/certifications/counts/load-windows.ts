import type { DataSource } from 'typeorm';
import type { CertificationChange } from '../read-models/certification-windows/certification-window.row';
import type { CertificationWindowJson } from '../read-models/certification-windows/certification-windows.projection';
import { asKnownAt, type KnownWindow } from './known-window';
import type { ReferenceMeasure, ReferenceScope } from '../domain/reference-totals';

/**
 * Every certification (of one type/level if given), as known at knownAt, folded in memory. The counts are formed in
 * SQL (count-in-sql.ts); this serves what needs the windows themselves, a few rows: revisions (`revokedOnly`) and
 * the firms on one page of a list (`usccs`).
 */
export async function loadKnownWindows(
  db: DataSource,
  filter: { type?: string; level?: string },
  knownAt: string | null,
  { revokedOnly = false, usccs = null }: { revokedOnly?: boolean; usccs?: readonly string[] | null } = {},
): Promise<KnownWindow[]> {
  const rows: (Pick<
    CertificationWindowJson,
    'certification_id' | 'uscc' | 'type' | 'level' | 'batch' | 'document_number' | 'announced_on' | 'valid_from' | 'granted_valid_to'
  > & { recorded_at: Date; history: CertificationChange[] })[] = await db.query(
    `SELECT certification_id, uscc, type, level, batch, document_number, announced_on::text AS announced_on,
            valid_from::text AS valid_from, granted_valid_to::text AS granted_valid_to, recorded_at, history
     FROM certification_windows
     WHERE ($1::text IS NULL OR type = $1) AND ($2::text IS NULL OR level = $2) AND recorded_at <= $3::timestamptz
       AND (NOT $4::boolean OR revoked_from IS NOT NULL) AND ($5::text[] IS NULL OR uscc = ANY($5::text[]))
     ORDER BY certification_id`,
    [filter.type ?? null, filter.level ?? null, knownAt ?? 'infinity', revokedOnly, usccs],
  );
  return rows
    .map((r) =>
      asKnownAt(
        {
          certificationId: r.certification_id,
          uscc: r.uscc,
          type: r.type,
          level: r.level,
          batch: r.batch,
          documentNumber: r.document_number,
          announcedOn: r.announced_on,
          validFrom: r.valid_from,
          grantedValidTo: r.granted_valid_to,
          recordedAt: r.recorded_at.toISOString(),
          history: r.history,
        },
        knownAt,
      ),
    )
    .filter((w): w is KnownWindow => w !== null);
}

export interface ReferenceTotal {
  type: string;
  level: string;
  scope: ReferenceScope;
  measure: ReferenceMeasure;
  asOf: string;
  total: number;
  source: string;
  recordedAt: string;
}

/** Per (type, level, scope, measure): the latest total dated on or before asOf, its latest correction known at knownAt. */
export async function loadReferenceTotals(db: DataSource, asOf: string, knownAt: string | null): Promise<ReferenceTotal[]> {
  const rows: { type: string; level: string; scope: ReferenceScope; measure: ReferenceMeasure; as_of: string; total: number; source: string; recorded_at: Date }[] =
    await db.query(
      `SELECT DISTINCT ON (type, level, scope, measure) type, level, scope, measure, as_of::text AS as_of, total, source, recorded_at
       FROM certification_reference_totals
       WHERE as_of <= $1::date AND recorded_at <= $2::timestamptz
       ORDER BY type, level, scope, measure, as_of DESC, entry DESC`,
      [asOf, knownAt ?? 'infinity'],
    );
  return rows.map((r) => ({ ...r, asOf: r.as_of, recordedAt: r.recorded_at.toISOString() }));
}
