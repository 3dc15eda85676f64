import fc from 'fast-check';

/** The parts of an OpenAPI 3 document the fuzzer reads. */
export interface Schema {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: unknown[];
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  allOf?: Schema[];
  oneOf?: Schema[];
  anyOf?: Schema[];
  additionalProperties?: boolean | Schema;
  example?: unknown;
}
export interface Parameter {
  name: string;
  in: 'query' | 'path' | 'header';
  schema?: Schema;
}
export interface Operation {
  parameters?: Parameter[];
  requestBody?: { content?: Record<string, { schema?: Schema }> };
}
export interface OpenApiDocument {
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, Schema> };
}

/** Lone surrogates, NUL and the other control characters, BOM, RTL override: what broke services before. */
const HOSTILE = ['\u0000', '\ud800', '\udfff', 'a\ud83d', '\ufeff', '\u202e', '\u0007', '\r\n', '\u2028', '%00', "'", '"', '\\', '../'];

/** Any Unicode text: every code point (surrogate halves included), hostile characters mixed in, up to `max` long. */
export const anyText = (max = 40): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 3, arbitrary: fc.string({ unit: 'binary', maxLength: max }) },
    { weight: 2, arbitrary: fc.array(fc.oneof(fc.string({ unit: 'grapheme', maxLength: 4 }), fc.constantFrom(...HOSTILE)), { maxLength: 8 }).map((parts) => parts.join('')) },
    { weight: 1, arbitrary: fc.string({ unit: fc.integer({ min: 0, max: 0x10ffff }).map((code) => String.fromCharCode(...(code > 0xffff ? [0xd800 + ((code - 0x10000) >> 10), 0xdc00 + ((code - 0x10000) & 0x3ff)] : [code]))), maxLength: max }) },
  );

const pad = (value: number, size = 2) => String(value).padStart(size, '0');

/** Dates that look right and are not: 30 February, month 13, day 0 or 45, year 0 or 99999, leap days, bad instants. */
export const invalidDate: fc.Arbitrary<string> = fc.oneof(
  fc.tuple(fc.integer({ min: 0, max: 99999 }), fc.integer({ min: 0, max: 19 }), fc.integer({ min: 0, max: 45 })).map(([y, m, d]) => `${pad(y, 4)}-${pad(m)}-${pad(d)}`),
  fc.constantFrom('2020-02-30', '2019-02-29', '1980-13-45', '2020-00-10', '2020-04-31', '2999-01-01', '0000-01-01', '2020-02-30T00:00:00Z', '2020-06-01T25:61:61Z', '2020-06-01T00:00:00+99:99', '2020-6-1', '20200601', '-002020-06-01', '+275760-09-13'),
);

/** Integers around every boundary a column or a JavaScript number has. */
export const extremeInteger: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('0', '-1', '2147483647', '2147483648', '9007199254740993', '1000000000000', '1e308', '-1e308', '1.5', 'NaN', 'Infinity', '0x10', '99999999999999999999999'),
  fc.bigInt({ min: -(2n ** 70n), max: 2n ** 70n }).map(String),
);

/** A cursor as a client could craft one: base64url of any JSON, of garbage, or not base64 at all. */
export const craftedCursor: fc.Arbitrary<string> = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }).map((value) => Buffer.from(JSON.stringify(value)).toString('base64url')),
  fc.tuple(anyText(20), anyText(20)).map((pair) => Buffer.from(JSON.stringify(pair)).toString('base64url')),
  fc.uint8Array({ maxLength: 60 }).map((bytes) => Buffer.from(bytes).toString('base64url')),
  anyText(60),
);

/** A value nested `depth` levels deep in arrays or objects; toJson writes it out (JSON.stringify would overflow). */
export class Deep {
  constructor(readonly depth: number, readonly kind: 'array' | 'object') {}
  toJSON(): string {
    return `\u0001deep:${this.depth}:${this.kind}\u0001`;
  }
}

export const deeplyNested: fc.Arbitrary<Deep> = fc.tuple(fc.constantFrom(0, 33, 200, 5000, 20_000), fc.constantFrom('array' as const, 'object' as const)).map(([depth, kind]) => new Deep(depth, kind));

/** JSON of a body, with every Deep written out as that many brackets. */
export const toJson = (body: unknown): string =>
  JSON.stringify(body).replace(/"\\u0001deep:(\d+):(array|object)\\u0001"/g, (_, depth: string, kind: string) =>
    kind === 'array' ? `${'['.repeat(Number(depth))}"x"${']'.repeat(Number(depth))}` : `${'{"a":'.repeat(Number(depth))}"x"${'}'.repeat(Number(depth))}`);

/** Size extremes: empty, one over a column's likely limit, far over every limit (the body limit answers 413). */
export const sizedText: fc.Arbitrary<string> = fc.constantFrom(0, 1, 33, 201, 501, 5000, 70_000).map((size) => 'Ệ'.repeat(size));

/** Values for a query or path parameter, chosen by its name and schema. */
export const parameterValue = (parameter: Parameter): fc.Arbitrary<string> => {
  const name = parameter.name.toLowerCase();
  const general = fc.oneof(anyText(), sizedText, extremeInteger, invalidDate);
  if (name === 'cursor') return fc.oneof({ weight: 3, arbitrary: craftedCursor }, { weight: 1, arbitrary: general });
  if (/asof|from|to|date|day|at$/.test(name) || parameter.schema?.format?.startsWith('date')) return fc.oneof({ weight: 3, arbitrary: invalidDate }, { weight: 1, arbitrary: general });
  if (parameter.schema?.type === 'integer' || parameter.schema?.type === 'number') return fc.oneof({ weight: 3, arbitrary: extremeInteger }, { weight: 1, arbitrary: general });
  if (parameter.schema?.enum) return fc.oneof(fc.constantFrom(...parameter.schema.enum.map(String)), general);
  return general;
};

/** Values for one property of a body, by its schema. */
export const propertyValue = (name: string, schema: Schema | undefined): fc.Arbitrary<unknown> => {
  const general = fc.oneof(anyText(), sizedText, deeplyNested, fc.constantFrom(null, true, 0, -1, 1e308, [], {}));
  if (/date|from|until|on$|at$/i.test(name) || schema?.format?.startsWith('date')) return fc.oneof({ weight: 3, arbitrary: invalidDate }, { weight: 1, arbitrary: general });
  if (schema?.type === 'integer' || schema?.type === 'number') return fc.oneof({ weight: 2, arbitrary: extremeInteger.map(Number) }, { weight: 1, arbitrary: extremeInteger }, { weight: 1, arbitrary: general });
  return general;
};

export const resolve = (document: OpenApiDocument, schema: Schema | undefined): Schema | undefined => {
  if (!schema?.$ref) return schema;
  return document.components?.schemas?.[schema.$ref.split('/').pop()!];
};

/** Every dotted path to a property the schema declares (nested DTOs included), with its schema. */
export const declaredProperties = (document: OpenApiDocument, schema: Schema | undefined, prefix: string[] = [], seen = new Set<Schema>()): [string[], Schema | undefined][] => {
  const resolved = resolve(document, schema);
  if (!resolved || seen.has(resolved)) return [];
  seen.add(resolved);
  return Object.entries(resolved.properties ?? {}).flatMap(([name, property]) => {
    const path = [...prefix, name];
    const inner = resolve(document, property.type === 'array' ? property.items : property);
    return [[path, inner] as [string[], Schema | undefined], ...declaredProperties(document, inner, path, seen)];
  });
};

/**
 * Percent-encodes any JavaScript string, lone surrogates included (as the three bytes WTF-8
 * gives them): encodeURIComponent throws on those and URLSearchParams turns them into U+FFFD,
 * so neither would send what the fuzzer drew.
 */
export const percentEncode = (text: string): string => {
  let out = '';
  for (let index = 0; index < text.length; index += 1) {
    const unit = text.charCodeAt(index);
    const next = text.charCodeAt(index + 1);
    if (unit >= 0xd800 && unit <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
      out += encodeURIComponent(text.slice(index, index + 2));
      index += 1;
    } else if (unit >= 0xd800 && unit <= 0xdfff) {
      out += [0xe0 | (unit >> 12), 0x80 | ((unit >> 6) & 0x3f), 0x80 | (unit & 0x3f)].map((byte) => `%${byte.toString(16).toUpperCase()}`).join('');
    } else out += encodeURIComponent(text[index]);
  }
  return out;
};
