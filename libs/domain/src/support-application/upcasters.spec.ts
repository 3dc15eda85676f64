import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { stateAfter, submitted } from '@lib/testing/builders/support-application.builders';
import { SUPPORT_APPLICATION_SCHEMA_VERSIONS, type SupportApplicationEvent } from './support-application.events';
import { supportApplicationUpcasters } from './support-application.upcasters';
import { evolve } from './support-application.state';

type EventType = SupportApplicationEvent['type'];

const FIXTURES_DIR = join(__dirname, 'events', '__fixtures__');

interface Fixture {
  file: string;
  type: EventType;
  version: number;
  data: Record<string, unknown>;
}

const fixtures: Fixture[] = readdirSync(FIXTURES_DIR)
  .filter((file) => file.endsWith('.json'))
  .sort()
  .map((file) => {
    const match = /^([A-Za-z]+)\.v(\d+)\.json$/.exec(file);
    if (!match) throw new Error(`fixture ${file} is not named Type.vN.json`);
    return { file, type: match[1] as EventType, version: Number(match[2]), data: JSON.parse(readFileSync(join(FIXTURES_DIR, file), 'utf8')) };
  });

/** Step by step, v(n) → v(n+1), as the event store reads a stored row. */
const upcast = (type: EventType, version: number, data: object): object => {
  let current = data;
  for (let from = version; from < SUPPORT_APPLICATION_SCHEMA_VERSIONS[type]; from += 1) {
    const step = supportApplicationUpcasters[type]?.[from];
    if (!step) throw new Error(`${type} has no upcaster from v${from}`);
    current = step(current);
  }
  return current;
};

/** What each fixture must read as today: changing a current shape without a new version breaks this. */
const EXPECTED_CURRENT: Record<string, object> = {
  'SupportApplicationReviewed.v1.json': {
    applicationId: '7d1c2a4e-0b1f-4c55-9a57-3f1e2d6a9b10',
    step: 'village-review',
    outcome: 'confirmed',
    minutesRef: 'BB-12/2020',
    reason: undefined,
    reviewedBy: 'reviewer-hoa',
    reviewedAt: '2020-05-18T02:00:00.000Z',
  },
};

describe('SupportApplication stored events', () => {
  it('has fixtures to read', () => expect(fixtures.length).toBeGreaterThan(0));

  it('keeps a fixture of every older version of every type', () => {
    const missing = Object.entries(SUPPORT_APPLICATION_SCHEMA_VERSIONS).flatMap(([type, current]) =>
      Array.from({ length: current - 1 }, (_, i) => `${type}.v${i + 1}.json`).filter((file) => !fixtures.some((fixture) => fixture.file === file)),
    );
    expect(missing).toEqual([]);
  });

  it('has an upcaster from every older version of every type', () => {
    const missing = Object.entries(SUPPORT_APPLICATION_SCHEMA_VERSIONS).flatMap(([type, current]) =>
      Array.from({ length: current - 1 }, (_, i) => i + 1)
        .filter((version) => typeof supportApplicationUpcasters[type as EventType]?.[version] !== 'function')
        .map((version) => `${type} v${version}`),
    );
    expect(missing).toEqual([]);
  });

  describe.each(fixtures.map((fixture) => [fixture.file, fixture] as const))('when reading %s', (file, fixture) => {
    it('names a known type at a version not newer than the current one', () => {
      expect(SUPPORT_APPLICATION_SCHEMA_VERSIONS[fixture.type]).toBeDefined();
      expect(fixture.version).toBeLessThanOrEqual(SUPPORT_APPLICATION_SCHEMA_VERSIONS[fixture.type]);
    });

    it('upcasts step by step to the current shape', () => {
      expect(EXPECTED_CURRENT[file]).toBeDefined();
      expect(upcast(fixture.type, fixture.version, structuredClone(fixture.data))).toEqual(EXPECTED_CURRENT[file]);
    });

    it('does not change the stored data it reads', () => {
      const stored = structuredClone(fixture.data);
      upcast(fixture.type, fixture.version, stored);
      expect(stored).toEqual(fixture.data);
    });

    it('folds through evolve after a submission', () => {
      const data = upcast(fixture.type, fixture.version, structuredClone(fixture.data)) as { applicationId: string; step?: string };
      const submission = submitted('4', { applicationId: data.applicationId });
      const before = stateAfter([submission]);
      const after = evolve(before, { type: fixture.type, data } as SupportApplicationEvent);
      expect(after).not.toBe(before);
      expect(after.status).not.toBe('none');
      if (data.step) expect(after).toMatchObject({ nextStep: 2, performedBy: { [data.step]: expect.any(String) } });
    });
  });

  it('reads the pilot review as a village review by reviewer-hoa', () => {
    const fixture = fixtures.find((candidate) => candidate.file === 'SupportApplicationReviewed.v1.json')!;
    const data = upcast(fixture.type, fixture.version, fixture.data) as SupportApplicationEvent['data'];
    const state = stateAfter([submitted('4', { applicationId: '7d1c2a4e-0b1f-4c55-9a57-3f1e2d6a9b10' }), { type: 'SupportApplicationReviewed', data } as SupportApplicationEvent]);
    expect(state).toMatchObject({ status: 'in-progress', nextStep: 2, performedBy: { 'village-review': 'reviewer-hoa' }, lastStepAt: '2020-05-18T02:00:00.000Z' });
  });
});
