import { ref, type Ref } from 'vue';
import type { components } from '../api/schema';
import { api } from './api';
import { ApiFailure, unwrap } from './api-errors';
import type { FigureName, Part } from './performance-figures';
import { session } from './session';

type Schemas = components['schemas'];
export type UnitPerformance = Schemas['UnitPerformanceDto'];
export type UnitFigures = Schemas['UnitFiguresDto'];
export type Ratio = Schemas['RatioDto'];
export type RecordsPage = Schemas['UnitFigureRecordsDto'];

/** A unit handler reads only its own unit (the API refuses anything else); managers and admins read every unit. */
function ownUnit(): string | undefined {
  const user = session.user.value;
  return user?.role === 'unit_handler' ? (user.unitId ?? undefined) : undefined;
}

/** The month's 考评: loading, failure and refresh; the page only lays it out. */
export function useUnitPerformance(month: Ref<string>) {
  const data = ref<UnitPerformance | null>(null);
  const loading = ref(false);
  const failure = ref<string | null>(null);
  async function refresh() {
    loading.value = true;
    failure.value = null;
    try {
      data.value = await unwrap(api.GET('/api/v1/unit-performance', { params: { query: { month: month.value, unit: ownUnit() } } }));
    } catch (e) {
      data.value = null;
      failure.value = e instanceof ApiFailure ? e.message : '无法连接服务器，请稍后重试';
    } finally {
      loading.value = false;
    }
  }
  return { data, loading, failure, refresh };
}

/** One page of the records behind one unit's figure. */
export async function loadFigureRecords(month: string, unit: string, figure: FigureName, part: Part, offset: number, limit: number): Promise<RecordsPage> {
  return unwrap(api.GET('/api/v1/unit-performance/records', { params: { query: { month, unit, figure, part, offset, limit } } }));
}


/** The problems behind one unit's figure (numerator or denominator) as a file, one row per problem. */
export function exportFigureRecords(format: 'xlsx' | 'csv', month: string, unit: string, figure: FigureName, part: Part) {
  const query = { month, unit, figure, part };
  return format === 'xlsx'
    ? api.GET('/api/v1/unit-performance/records/export.xlsx', { params: { query }, parseAs: 'blob' })
    : api.GET('/api/v1/unit-performance/records/export.csv', { params: { query }, parseAs: 'blob' });
}
