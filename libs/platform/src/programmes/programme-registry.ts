import { catalogOf, type ProgrammeCatalog, type ProgrammeDefinition } from '@lib/domain';
import { loadProgrammes } from './load-programmes';

/** The programme definitions loaded at start-up, every version kept: old applications need theirs. */
export class ProgrammeRegistry {
  readonly catalog: ProgrammeCatalog;

  constructor(private readonly programmes: readonly ProgrammeDefinition[]) {
    this.catalog = catalogOf(programmes);
  }

  /** The definitions in PROGRAMMES_DIR, or the shipped ones. */
  static load(dir?: string): ProgrammeRegistry {
    return new ProgrammeRegistry(loadProgrammes(dir));
  }

  /** The newest version of each programme. */
  latest(): ProgrammeDefinition[] {
    const ids = [...new Set(this.programmes.map((programme) => programme.id))];
    return ids.map((id) => this.catalog(id)!).sort((a, b) => a.id.localeCompare(b.id));
  }

  all(): readonly ProgrammeDefinition[] {
    return this.programmes;
  }
}
