import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';

/**
 * One page of a single-table list and its exact total, as getManyAndCount gives them, but counted with COUNT(*).
 * TypeORM counts `COUNT(DISTINCT <primary key>)` in case joins repeat a row; that sorts or hashes every matching row,
 * and at 50,000 problems it cost 40 ms where COUNT(*) costs 3 (docs/benchmarks.md, list-problems). Without joins
 * every row is one entity, so the two counts agree — a query with joins is refused rather than miscounted.
 */
export async function pageWithTotal<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  page: { limit: number; offset: number },
): Promise<[T[], number]> {
  if (query.expressionMap.joinAttributes.length > 0) throw new Error('pageWithTotal counts rows: a joined query would count them twice');
  const items = await query.clone().take(page.limit).skip(page.offset).getMany();
  // A short first page is its own total: no second statement.
  if (page.offset === 0 && items.length < page.limit) return [items, items.length];
  const counted = await query.clone().orderBy().select('COUNT(*)::int', 'total').getRawOne<{ total: number }>();
  return [items, counted?.total ?? 0];
}
