/** One step of schema evolution: data stored at version `v` becomes data of version `v + 1`. */
export type Upcaster = (data: any) => object;

export interface EventTypeEntry {
  schemaVersion: number;
  /** From each older version to the next; `upcasters[1]` turns v1 data into v2. */
  upcasters?: Record<number, Upcaster>;
}

export class UnknownEventType extends Error {
  constructor(type: string) {
    super(`event type ${type} is not registered`);
    this.name = 'UnknownEventType';
  }
}

/**
 * The explicit list of stored type names. A type is never derived from a class name, so
 * renaming code cannot orphan stored events; readers upcast step by step to the current shape.
 */
export class EventTypeRegistry {
  private readonly entries = new Map<string, EventTypeEntry>();

  register(types: Record<string, number>, upcasters: Partial<Record<string, Record<number, Upcaster>>> = {}): this {
    for (const [type, schemaVersion] of Object.entries(types)) {
      const steps = upcasters[type] ?? {};
      for (let version = 1; version < schemaVersion; version += 1) {
        if (!steps[version]) throw new Error(`${type} is at schema version ${schemaVersion} but has no upcaster from version ${version}`);
      }
      this.entries.set(type, { schemaVersion, upcasters: steps });
    }
    return this;
  }

  currentVersion(type: string): number {
    const entry = this.entries.get(type);
    if (!entry) throw new UnknownEventType(type);
    return entry.schemaVersion;
  }

  upcast(type: string, storedVersion: number, data: object): object {
    const entry = this.entries.get(type);
    if (!entry) throw new UnknownEventType(type);
    if (storedVersion > entry.schemaVersion) {
      throw new Error(`${type} v${storedVersion} was written by a newer release (this one reads up to v${entry.schemaVersion})`);
    }
    let current = data;
    for (let version = storedVersion; version < entry.schemaVersion; version += 1) {
      current = entry.upcasters![version](current);
    }
    return current;
  }

  types(): string[] {
    return [...this.entries.keys()];
  }
}
