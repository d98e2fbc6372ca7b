import { getMetadataStorage } from 'class-validator';

type Storage = ReturnType<typeof getMetadataStorage>;
type TargetMetadatas = ReturnType<Storage['getTargetValidationMetadatas']>;
type Grouped = ReturnType<Storage['groupByPropertyName']>;

/**
 * Remembers class-validator's answer to "which rules apply to this class". The library recomputes it for every object
 * it validates — and Nest's ValidationPipe asks again for its binary-value check — by testing the class against every
 * decorated class of the process (`instanceof` over the whole metadata map) and then filtering: with this API's few
 * hundred DTOs that was the largest JavaScript cost of a `POST /visits` in a CPU profile (docs/benchmarks.md). The
 * answer only changes when a decorator registers more metadata, so every registration forgets what was remembered.
 * The arrays handed out are the library's own kind, read by it and by Nest and never written to (frozen, to be sure).
 */
export function cacheValidationMetadata(storage: Storage = getMetadataStorage()): void {
  const marked = storage as Storage & { zqCached?: true };
  if (marked.zqCached) return;
  marked.zqCached = true;

  const targets = storage.getTargetValidationMetadatas.bind(storage);
  const group = storage.groupByPropertyName.bind(storage);
  let byTarget = new Map<unknown, Map<string, TargetMetadatas>>();
  let grouped = new WeakMap<TargetMetadatas, Grouped>();
  const forget = () => {
    byTarget = new Map();
    grouped = new WeakMap();
  };

  storage.getTargetValidationMetadatas = (targetConstructor, targetSchema, always, strictGroups, groups) => {
    const key = JSON.stringify([targetSchema ?? null, always, strictGroups, groups ?? null]);
    let forTarget = byTarget.get(targetConstructor);
    if (!forTarget) byTarget.set(targetConstructor, (forTarget = new Map()));
    let found = forTarget.get(key);
    if (!found) forTarget.set(key, (found = Object.freeze(targets(targetConstructor, targetSchema, always, strictGroups, groups)) as TargetMetadatas));
    return found;
  };
  storage.groupByPropertyName = (metadatas) => {
    let found = grouped.get(metadatas);
    if (!found) {
      found = group(metadatas);
      // Only the remembered arrays are stable enough to key on; any other is grouped afresh each time.
      if (Object.isFrozen(metadatas)) grouped.set(metadatas, found);
    }
    return found;
  };
  for (const register of ['addValidationMetadata', 'addConstraintMetadata', 'addValidationSchema'] as const) {
    const original = (storage[register] as (arg: never) => void).bind(storage);
    (storage as unknown as Record<string, (arg: never) => void>)[register] = (arg) => {
      forget();
      original(arg);
    };
  }
}
