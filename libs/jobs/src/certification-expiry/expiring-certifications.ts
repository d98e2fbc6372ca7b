import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

export interface ExpiringCertification {
  certificationId: string;
  uscc: string;
  /** The enterprise's current name, when the registry has it. */
  enterpriseName: string | null;
  type: string;
  level: string;
  batch: string;
  validTo: string;
  /** Calendar days from `on` to validTo (0: the last valid day is today). */
  daysLeft: number;
}

export interface ExpiringCertificationsReport {
  on: string;
  withinDays: number;
  count: number;
  certifications: ExpiringCertification[];
}

/**
 * Certifications whose window ends within `withinDays` of `on` and that are not revoked by then: the
 * follow-up list (复核/重新认定 reminders). Read from certification_windows, so it needs no job to have run.
 */
@Injectable()
export class ExpiringCertifications {
  constructor(private readonly db: DataSource) {}

  async list(on: string, withinDays: number): Promise<ExpiringCertificationsReport> {
    const rows: ExpiringCertification[] = await this.db.query(
      `SELECT w.certification_id AS "certificationId", w.uscc, e.name AS "enterpriseName", w.type, w.level, w.batch,
              w.valid_to::text AS "validTo", (w.valid_to - $1::date)::int AS "daysLeft"
       FROM certification_windows w LEFT JOIN enterprises e ON e.uscc = w.uscc
       WHERE w.valid_to BETWEEN $1::date AND $1::date + $2::int
         AND w.valid_from <= $1::date
         AND (w.revoked_from IS NULL OR w.revoked_from > $1::date)
       ORDER BY w.valid_to, w.uscc, w.certification_id`,
      [on, withinDays],
    );
    return { on, withinDays, count: rows.length, certifications: rows };
  }
}
