import { ref } from 'vue';
import type { paths } from '../api/schema';
import { api } from './api';
import { unwrap } from './api-errors';

export type HandlingUnit = paths['/api/v1/units']['get']['responses'][200]['content']['application/json']['items'][number];

const byId = ref(new Map<string, HandlingUnit>());

/**
 * The handling-unit registry (a zone has dozens: one page of 500 holds them all). Every call reads afresh,
 * so a unit registered or deactivated a moment ago is offered, or not, at once; `position` waits for it.
 */
export async function loadUnits(position?: number | null): Promise<HandlingUnit[]> {
  const page = await unwrap(api.GET('/api/v1/units', { params: { query: { limit: 500, position: position ?? undefined } } }));
  byId.value = new Map(page.items.map((u) => [u.id, u]));
  return page.items;
}

/** Code → name of the active units: what a unit choice offers (a deactivated unit takes no new work). */
export function activeUnitOptions(units: readonly HandlingUnit[]): Record<string, string> {
  return Object.fromEntries(units.filter((u) => u.active).map((u) => [u.id, u.name]));
}

/** A unit code as its name (the code itself until the registry has loaded, or for a code it lacks). */
export function unitName(id: string | null | undefined): string {
  if (!id) return '—';
  return byId.value.get(id)?.name ?? id;
}

let loading: Promise<unknown> | null = null;

/** Loads the registry once for pages that only show unit names (lists); a failed load leaves the codes showing. */
export function ensureUnits(): void {
  if (byId.value.size > 0 || loading) return;
  loading = loadUnits().catch(() => undefined).finally(() => {
    loading = null;
  });
}
