import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One entry of an enterprise's history: a name or location change, as of its effective date. */
export type EnterpriseChange =
  | { change: 'renamed'; from: string; to: string; effectiveOn: string; recordedAt: string; recordedBy: string | null }
  | {
      change: 'relocated';
      from: { address: string; park: string };
      to: { address: string; park: string };
      effectiveOn: string;
      recordedAt: string;
      recordedBy: string | null;
    };

/**
 * The directory's table, for queries (TypeORM) and for the migration drift check. The projection writes it
 * through its own column list (see enterprise-directory.projection.ts): keep the two in step.
 */
@Entity({ name: 'enterprises' })
export class EnterpriseRow {
  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'PK_enterprises' })
  uscc: string;

  /** The current name; earlier ones are in history. */
  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text' })
  address: string;

  @Column({ type: 'text' })
  park: string;

  @Column({ type: 'text' })
  industry: string;

  /** When the bureau entered it into the registry. */
  @Column({ name: 'registered_at', type: 'timestamptz' })
  registeredAt: Date;

  /** When its last event was recorded (from the log, so a rebuild gives the same value). */
  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  /** The enterprise stream's version this row reflects. */
  @Column({ type: 'integer' })
  version: number;

  /** Name and location changes, in the order they were recorded. */
  @Column({ type: 'jsonb' })
  history: EnterpriseChange[];
}

/** What the queries answer with. */
export interface EnterpriseView {
  uscc: string;
  name: string;
  address: string;
  park: string;
  industry: string;
  registeredAt: string;
  updatedAt: string;
  version: number;
  history: EnterpriseChange[];
}

export function toEnterpriseView(row: EnterpriseRow): EnterpriseView {
  return {
    uscc: row.uscc,
    name: row.name,
    address: row.address,
    park: row.park,
    industry: row.industry,
    registeredAt: row.registeredAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
    history: row.history,
  };
}
