import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { Level } from '../../problems/domain/problem.events';

/**
 * The handling-unit registry as read: one row per unit, written only by HandlingUnitsProjection (which
 * keeps its own column list in step with this one); schema in migration 1764300000950.
 */
@Entity({ name: 'handling_units' })
export class HandlingUnitRow {
  @PrimaryColumn({ name: 'unit_id', type: 'text', primaryKeyConstraintName: 'PK_handling_units' })
  unitId: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text' })
  level: Level;

  @Index('IDX_handling_units_parent_id')
  @Column({ name: 'parent_id', type: 'text', nullable: true })
  parentId: string | null;

  @Column({ type: 'boolean' })
  active: boolean;

  /** The unit stream's version folded into the row: a duplicate delivery of an older event is ignored. */
  @Column({ type: 'integer' })
  version: number;

  @Column({ name: 'registered_at', type: 'timestamptz' })
  registeredAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
