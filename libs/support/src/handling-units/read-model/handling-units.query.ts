import { pageWithTotal } from '@app/platform';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository, type FindOptionsWhere } from 'typeorm';
import type { Level } from '../../problems/domain/problem.events';
import { HandlingUnitRow } from './handling-unit.row';

export interface HandlingUnitView {
  id: string;
  name: string;
  level: Level;
  parentId: string | null;
  /** The parent's current name, so a list reads without a second lookup; null without a parent. */
  parentName: string | null;
  active: boolean;
  version: number;
  registeredAt: string;
  updatedAt: string;
}

export interface HandlingUnitFilter {
  active?: boolean;
  level?: Level;
  limit: number;
  offset: number;
}

/** The registry's questions: one page of units, one unit, and the names of some units (for figures). */
@Injectable()
export class HandlingUnitDirectory {
  constructor(@InjectRepository(HandlingUnitRow) private readonly rows: Repository<HandlingUnitRow>) {}

  /** By level (区, 市, 省), then code: a select lists the district's own bureaus first. */
  async list({ active, level, limit, offset }: HandlingUnitFilter): Promise<{ items: HandlingUnitView[]; total: number }> {
    const where: FindOptionsWhere<HandlingUnitRow> = {};
    if (active !== undefined) where.active = active;
    if (level !== undefined) where.level = level;
    const [rows, total] = await pageWithTotal(
      this.rows
        .createQueryBuilder('u')
        .where(where)
        .orderBy(`array_position(ARRAY['district','city','province'], u.level)`)
        .addOrderBy('u.unit_id'),
      { limit, offset },
    );
    return { items: await this.views(rows), total };
  }

  async get(unitId: string): Promise<HandlingUnitView | null> {
    const row = await this.rows.findOneBy({ unitId });
    return row ? (await this.views([row]))[0] : null;
  }

  /** Current names by unit id; a unit not in the registry is absent. */
  async names(unitIds: readonly string[]): Promise<Map<string, string>> {
    if (unitIds.length === 0) return new Map();
    const rows = await this.rows.find({ where: { unitId: In([...unitIds]) }, select: { unitId: true, name: true } });
    return new Map(rows.map((r) => [r.unitId, r.name]));
  }

  /** Every unit's current name (reference data: a few hundred at most), for a file that names units on every row. */
  async allNames(): Promise<Map<string, string>> {
    const rows = await this.rows.find({ select: { unitId: true, name: true } });
    return new Map(rows.map((r) => [r.unitId, r.name]));
  }

  private async views(rows: HandlingUnitRow[]): Promise<HandlingUnitView[]> {
    const parents = await this.names(rows.map((r) => r.parentId).filter((p): p is string => p !== null));
    return rows.map((r) => ({
      id: r.unitId,
      name: r.name,
      level: r.level,
      parentId: r.parentId,
      parentName: r.parentId === null ? null : (parents.get(r.parentId) ?? null),
      active: r.active,
      version: r.version,
      registeredAt: r.registeredAt.toISOString(),
      updatedAt: r.updatedAt.toISOString(),
    }));
  }
}
