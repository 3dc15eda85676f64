import { catalogOf, type ProgrammeCatalog } from '@lib/domain';
import { loadProgrammes } from '@lib/application/programmes/load-programmes';

let loaded: ProgrammeCatalog | undefined;

/**
 * The programme definitions the service runs with (PROGRAMMES_DIR, else the shipped ones), for
 * projections that need calendars, time limits and fraud-rule parameters. Loaded once.
 */
export const defaultProgrammeCatalog = (): ProgrammeCatalog => (loaded ??= catalogOf(loadProgrammes(process.env.PROGRAMMES_DIR || undefined)));
