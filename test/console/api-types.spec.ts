import 'reflect-metadata';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { offlineOpenApiDocument } from '../../apps/api/src/openapi/offline-openapi-document';

const ROOT = join(__dirname, '..', '..');

/** The types openapi-typescript makes of the API's current OpenAPI document, by the console's own script. */
const generatedTypes = async (): Promise<string> => {
  const document = await offlineOpenApiDocument();
  const run = spawnSync(process.execPath, [join(ROOT, 'console', 'scripts', 'generate-api-types.mjs'), '--stdin'], {
    input: JSON.stringify(document),
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.status !== 0) throw new Error(`generate-api-types.mjs failed: ${run.stderr}`);
  return run.stdout;
};

describe("The console's API types", () => {
  it('are what the OpenAPI document gives today (run `npm run generate:api-types` after changing a DTO)', async () => {
    const committed = readFileSync(join(ROOT, 'console', 'src', 'api', 'schema.d.ts'), 'utf8');
    expect(committed === (await generatedTypes())).toBe(true);
  });

  it('cover the answers the console reads, not only the requests it sends', async () => {
    const document = await offlineOpenApiDocument();
    const schemas = Object.keys(document.components?.schemas ?? {});
    expect(schemas).toEqual(expect.arrayContaining([
      'ApplicationResponse', 'ApplicationPageResponse', 'HistoryResponse', 'StateAtResponse', 'CommandResultResponse',
      'ProgrammeResponse', 'AlertPageResponse', 'WardDashboardResponse', 'BeneficiaryResponse', 'OverdueStepsPageResponse',
      'OfficerActivityResponse', 'ProblemResponse', 'DevTokenResponse',
    ]));
  });
});
