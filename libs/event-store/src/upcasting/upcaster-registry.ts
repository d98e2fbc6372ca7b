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

export class UpcasterRegistry {
  private readonly upcasters = new Map<string, Upcaster>();

  constructor(registrations: readonly UpcasterRegistration[] = []) {
    registrations.forEach((r) => this.register(r));
  }

  register({ type, fromVersion, upcast }: UpcasterRegistration): this {
    const key = `${type}@${fromVersion}`;
    if (this.upcasters.has(key)) throw new Error(`An upcaster for ${key} is already registered`);
    this.upcasters.set(key, upcast);
    return this;
  }

  /** Applies upcasters one version at a time until none is registered for the current version. */
  upcast(type: string, schemaVersion: number, data: unknown, streamId: string): { schemaVersion: number; data: unknown } {
    let version = schemaVersion;
    let current = data;
    for (let next = this.upcasters.get(`${type}@${version}`); next; next = this.upcasters.get(`${type}@${version}`)) {
      current = next(current, { type, streamId });
      version += 1;
    }
    return { schemaVersion: version, data: current };
  }
}
