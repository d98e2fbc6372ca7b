import { ref } from 'vue';
import { api } from './api';

export interface Person { id: string; displayName: string; role: string; unitId: string | null }

const byId = ref(new Map<string, Person>());
let loading: Promise<Person[]> | null = null;

/** The colleague directory, fetched once per page load (names for ids in histories and visit records). */
export function loadDirectory(): Promise<Person[]> {
  loading ??= api.GET('/api/v1/users/directory').then(({ data }) => {
    const people = (data ?? []) as Person[];
    byId.value = new Map(people.map((p) => [p.id, p]));
    return people;
  });
  return loading;
}

/** A user id as a name (the id itself until the directory has loaded, or for a system step). */
export function personName(id: string | null | undefined): string {
  if (!id) return '系统';
  return byId.value.get(id)?.displayName ?? id;
}
