import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { canonicalJson, canonicalJsonOf, chainHash, chainHashOfCanonical, verifyChain, type HashedFields } from './hash-chain';

const fields = (overrides: Partial<HashedFields> = {}): HashedFields => ({
  eventId: '0b8f6f1e-8c4e-4d0b-9a53-2f1f3a0c9e11',
  streamId: 'support-application-7d1c2a4e',
  streamVersion: 1,
  type: 'SupportApplicationSubmitted',
  schemaVersion: 1,
  data: { applicationId: '7d1c2a4e', claimedAmount: 1800000, months: ['2020-04', '2020-05'] },
  metadata: { actorId: 'officer-lan', role: 'intake-officer', ward: 'phuong-1', commandId: 'c-1', correlationId: 'k-1', causationId: null },
  recordedAt: '2020-05-20T03:00:00.000Z',
  ...overrides,
});

/** A stream of `count` correctly chained rows, as verifyChain receives them. */
const chain = (count: number) => {
  const rows: (HashedFields & { hash: string; position: number })[] = [];
  let previous: string | null = null;
  for (let version = 1; version <= count; version += 1) {
    const row = fields({ streamVersion: version, eventId: `event-${version}`, data: { n: version } });
    const hash = chainHash(previous, row);
    rows.push({ ...row, hash, position: version * 10 });
    previous = hash;
  }
  return rows;
};

describe('canonicalJson', () => {
  it('sorts keys at every depth', () => {
    expect(canonicalJson({ b: 1, a: { d: [{ z: 1, y: 2 }], c: 2 } })).toBe('{"a":{"c":2,"d":[{"y":2,"z":1}]},"b":1}');
  });

  it('gives the same text for the same value whatever the key order', () => {
    const one = { ward: 'phuong-1', amount: 1800000, applicant: { name: 'An', citizenId: '0790' }, months: ['2020-04'] };
    const other = { months: ['2020-04'], applicant: { citizenId: '0790', name: 'An' }, amount: 1800000, ward: 'phuong-1' };
    expect(canonicalJson(one)).toBe(canonicalJson(other));
    expect(canonicalJson(one)).toBe(canonicalJson(one));
    expect(JSON.parse(canonicalJson(one))).toEqual(one);
  });

  it('drops undefined properties, as JSON (and jsonb) does', () => {
    expect(canonicalJson({ a: 1, b: undefined, c: { d: undefined } })).toBe('{"a":1,"c":{}}');
    expect(canonicalJson({ a: 1, b: undefined })).toBe(canonicalJson({ a: 1 }));
    const value = { a: 1, b: undefined, nested: { x: undefined, y: [1, undefined] } };
    expect(canonicalJson(value)).toBe(canonicalJson(JSON.parse(JSON.stringify(value))));
  });

  it('keeps array order and writes undefined items as null, like JSON.stringify', () => {
    expect(canonicalJson([3, 1, 2])).toBe('[3,1,2]');
    expect(canonicalJson([1, undefined, null])).toBe('[1,null,null]');
    expect(canonicalJson([1, undefined, null])).toBe(JSON.stringify([1, undefined, null]));
  });

  it('writes scalars and escapes as JSON does', () => {
    expect(canonicalJson(null)).toBe('null');
    expect(canonicalJson(undefined)).toBe('null');
    expect(canonicalJson('Nguyễn "An"\n\\')).toBe(JSON.stringify('Nguyễn "An"\n\\'));
    expect(canonicalJson({ 'quoted "key"': true })).toBe('{"quoted \\"key\\"":true}');
    expect(canonicalJson(0.1 + 0.2)).toBe('0.30000000000000004');
    expect(canonicalJson(-0)).toBe('0');
    expect(canonicalJson(Number.NaN)).toBe('null');
    expect(canonicalJson(false)).toBe('false');
  });

  it('distinguishes values that differ', () => {
    expect(canonicalJson({ a: 1 })).not.toBe(canonicalJson({ a: '1' }));
    expect(canonicalJson({ a: null })).not.toBe(canonicalJson({}));
    expect(canonicalJson([1, 2])).not.toBe(canonicalJson([2, 1]));
  });
});

describe('chainHash', () => {
  it('is a sha256 over the previous hash and the canonical fields', () => {
    const expected = createHash('sha256').update('prev').update('\n').update(canonicalJson(fields())).digest('hex');
    expect(chainHash('prev', fields())).toBe(expected);
    expect(chainHash('prev', fields())).toMatch(/^[0-9a-f]{64}$/);
  });

  it('depends on the previous hash', () => {
    const first = chainHash(null, fields());
    expect(chainHash(first, fields())).not.toBe(chainHash(null, fields()));
    expect(chainHash('a'.repeat(64), fields())).not.toBe(chainHash('b'.repeat(64), fields()));
  });

  it('depends on every hashed field', () => {
    const base = chainHash('prev', fields());
    const changes: Partial<HashedFields>[] = [
      { eventId: 'other' },
      { streamId: 'other' },
      { streamVersion: 2 },
      { type: 'SupportApplicationRejected' },
      { schemaVersion: 2 },
      { data: { applicationId: '7d1c2a4e', claimedAmount: 1800001, months: ['2020-04', '2020-05'] } },
      { metadata: { actorId: 'someone-else' } },
      { recordedAt: '2020-05-20T03:00:00.001Z' },
    ];
    for (const change of changes) expect(chainHash('prev', fields(change))).not.toBe(base);
  });

  it('covers only the hashed fields, so a stored row with more properties hashes the same', () => {
    expect(chainHash('prev', { ...fields(), transactionId: '742', position: 9, hash: 'x' } as HashedFields)).toBe(chainHash('prev', fields()));
  });

  it('is stable under key order and undefined properties', () => {
    const reordered = { ...fields(), data: { months: ['2020-04', '2020-05'], claimedAmount: 1800000, applicationId: '7d1c2a4e', note: undefined } };
    expect(chainHash('prev', reordered)).toBe(chainHash('prev', fields()));
  });
});

describe('verifyChain', () => {
  it('accepts an intact chain and an empty one', () => {
    expect(verifyChain(chain(5))).toBeNull();
    expect(verifyChain([])).toBeNull();
  });

  it('ignores properties a stored row carries beyond the hashed fields', () => {
    const rows = chain(3).map((row) => ({ ...row, transactionId: '742', storedSchemaVersion: 1 }));
    expect(verifyChain(rows)).toBeNull();
  });

  it('names the altered event', () => {
    const rows = chain(4);
    rows[2] = { ...rows[2], data: { n: 99 } };
    expect(verifyChain(rows)).toEqual({ streamId: rows[2].streamId, streamVersion: 3, position: 30, problem: 'content does not match its hash' });
  });

  it('names the next event when one is altered and re-hashed on its own', () => {
    const rows = chain(4);
    const forged = { ...rows[1], data: { n: 99 } };
    rows[1] = { ...forged, hash: chainHash(rows[0].hash, forged) };
    expect(verifyChain(rows)).toMatchObject({ streamVersion: 3, problem: 'content does not match its hash' });
  });

  it('names a missing version', () => {
    const rows = chain(4);
    rows.splice(1, 1);
    expect(verifyChain(rows)).toEqual({ streamId: rows[1].streamId, streamVersion: 3, position: 30, problem: 'version 2 is missing' });
    expect(verifyChain(chain(3).slice(1))).toMatchObject({ streamVersion: 2, problem: 'version 1 is missing' });
  });

  it('detects reordering', () => {
    const rows = chain(3);
    expect(verifyChain([rows[0], rows[2], rows[1]])).toMatchObject({ streamVersion: 3, problem: 'version 2 is missing' });
  });
});

/** What the append path did before canonicalJsonOf: through JSON and back, then canonicalJson. */
const roundTripped = (value: unknown): string | undefined => {
  const json = JSON.stringify(value);
  return json === undefined ? undefined : canonicalJson(JSON.parse(json));
};

const outcome = (work: () => string | undefined): { text?: string; threw?: string } => {
  try {
    return { text: work() };
  } catch (error) {
    return { threw: (error as Error).constructor.name };
  }
};

describe('canonicalJsonOf (one walk for the append path)', () => {
  it('writes exactly what canonicalJson writes after a JSON round trip, for any value', () => {
    fc.assert(
      fc.property(
        fc.anything({ withBoxedValues: true, withMap: true, withSet: true, withDate: true, withTypedArray: true, withSparseArray: true, withNullPrototype: true, withObjectString: true, withBigInt: true }),
        (value) => {
          expect(outcome(() => canonicalJsonOf(value))).toEqual(outcome(() => roundTripped(value)));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('follows toJSON, drops functions and symbols, writes dates and non-finite numbers as JSON does', () => {
    const value = { when: new Date('2020-05-20T03:00:00.000Z'), f: () => 1, s: Symbol('x'), n: NaN, list: [undefined, () => 1, Infinity], own: { toJSON: (key: string) => `key ${key}` } };
    expect(canonicalJsonOf(value)).toBe('{"list":[null,null,null],"n":null,"own":"key own","when":"2020-05-20T03:00:00.000Z"}');
    expect(canonicalJsonOf(value)).toBe(roundTripped(value));
    expect(canonicalJsonOf(undefined)).toBeUndefined();
  });
});

describe('chainHashOfCanonical', () => {
  it('gives the hash chainHash gives for the same event', () => {
    fc.assert(
      fc.property(fc.option(fc.string({ minLength: 64, maxLength: 64 })), fc.jsonValue(), fc.dictionary(fc.string(), fc.jsonValue()), fc.string(), fc.nat(), fc.string(), (previous, data, metadata, streamId, version, type) => {
        const given = fields({ streamId, streamVersion: version, type, data, metadata });
        expect(chainHashOfCanonical(previous, { ...given, dataJson: canonicalJsonOf(data)!, metadataJson: canonicalJson(metadata) })).toBe(chainHash(previous, given));
      }),
      { numRuns: 1000 },
    );
  });
});
