import { catalogOf, type ProgrammeCatalog, type ProgrammeDefinition } from '@lib/domain';
import { loadProgrammes } from '@lib/platform';

let shipped: ProgrammeDefinition[] | undefined;

/** The programme definitions the service ships (programmes/*.json), loaded once per suite. */
export const shippedProgrammes = (): ProgrammeDefinition[] => (shipped ??= loadProgrammes());

export const shippedCatalog = (): ProgrammeCatalog => catalogOf(shippedProgrammes());
