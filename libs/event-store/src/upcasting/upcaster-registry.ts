/**
 * Stored events never change in place. When an event's shape evolves, its producer starts writing
 * schema version N+1 and registers an upcaster N → N+1 here; readers then see only the newest shape.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- an upcaster reads a stored shape no current type describes
export type Upcaster = (data: any, context: { type: string; streamId: string }) => unknown;

export interface UpcasterRegistration {
  type: string;
  /** The stored version this upcaster reads; it produces fromVersion + 1. */
  fromVersion: number;
  upcast: Upcaster;
}

/** A stored event written by newer code than this process runs: handing it on in a shape nobody here knows is refused. */
export class UnknownSchemaVersionError extends Error {
  constructor(
    readonly type: string,
    readonly schemaVersion: number,
    readonly newestKnown: number,
  ) {
    super(`${type} is stored at schema version ${schemaVersion}; this code knows up to version ${newestKnown} (deploy the newer code)`);
  }
}

export class UpcasterRegistry {
  private readonly upcasters = new Map<string, Upcaster>();
  /** Per type with upcasters, the version the last one produces: the newest shape this code knows. */
  private readonly newest = new Map<string, number>();

  constructor(registrations: readonly UpcasterRegistration[] = []) {
    registrations.forEach((r) => this.register(r));
  }

  register({ type, fromVersion, upcast }: UpcasterRegistration): this {
    const key = `${type}@${fromVersion}`;
    if (this.upcasters.has(key)) throw new Error(`An upcaster for ${key} is already registered`);
    this.upcasters.set(key, upcast);
    this.newest.set(type, Math.max(this.newest.get(type) ?? 0, fromVersion + 1));
    return this;
  }

  /**
   * Applies upcasters one version at a time until none is registered for the current version. A type that has
   * upcasters has a known newest version, and an event stored above it is refused (UnknownSchemaVersionError).
   */
  upcast(type: string, schemaVersion: number, data: unknown, streamId: string): { schemaVersion: number; data: unknown } {
    const newest = this.newest.get(type);
    if (newest !== undefined && schemaVersion > newest) throw new UnknownSchemaVersionError(type, schemaVersion, newest);
    let version = schemaVersion;
    let current = data;
    for (let next = this.upcasters.get(`${type}@${version}`); next; next = this.upcasters.get(`${type}@${version}`)) {
      current = next(current, { type, streamId });
      version += 1;
    }
    return { schemaVersion: version, data: current };
  }
}
