import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ProgrammeDefinitionInvalid, validateProgramme, type ProgrammeDefinition } from '@lib/domain';

/** The project root (the folder of package.json), whether running from source or from dist/. */
const projectRoot = (from: string): string => {
  for (let dir = from; dir !== dirname(dir); dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'programmes'))) return dir;
  }
  return process.cwd();
};

/** The programmes shipped with the service; PROGRAMMES_DIR points elsewhere. */
export const DEFAULT_PROGRAMMES_DIR = join(projectRoot(__dirname), 'programmes');

export const loadProgrammeFile = (path: string): ProgrammeDefinition => {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new ProgrammeDefinitionInvalid(path, [`is not readable JSON: ${(error as Error).message}`]);
  }
  return validateProgramme(parsed, path);
};

/** Every `*.json` in the directory, validated; a duplicate (id, version) is refused. */
export const loadProgrammes = (dir: string = DEFAULT_PROGRAMMES_DIR): ProgrammeDefinition[] => {
  const files = readdirSync(dir).filter((file) => file.endsWith('.json')).sort();
  const programmes = files.map((file) => loadProgrammeFile(join(dir, file)));
  const seen = new Set<string>();
  for (const programme of programmes) {
    const key = `${programme.id}@${programme.version}`;
    if (seen.has(key)) throw new ProgrammeDefinitionInvalid(dir, [`${key} is defined twice`]);
    seen.add(key);
  }
  if (programmes.length === 0) throw new ProgrammeDefinitionInvalid(dir, ['holds no programme definition (*.json)']);
  return programmes;
};
