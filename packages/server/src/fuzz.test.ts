import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOpenApiDocument } from './openapi-document.js';
import { seedProcedure, seedWorld, signIn, type World } from './testing/fixtures.js';
import { createTestApp, type TestApp } from './testing/test-app.js';
import { DEMO_CITIZEN, seedDemoCitizen } from './usecases/portal/account/demo-citizen.js';
import { signInCitizen } from './usecases/portal/test-support.js';

/**
 * Drives every operation of the OpenAPI document with hostile input (NUL, lone surrogates, very
 * long and unusual Unicode text, wrong types and shapes, wrong and broken content types) as an
 * anonymous caller, an official and a citizen, and fails on any 5xx: a client's input is never our
 * fault. Values follow the operation's schemas most of the time, so requests get past validation
 * into the use-cases and the database, and break them the rest of the time.
 *
 * CI runs a fixed seed and a few runs per operation; `npm run fuzz` runs longer
 * (MOTCUA_FUZZ_RUNS runs per operation, MOTCUA_FUZZ_SEED to replay or vary).
 */
const RUNS = Number(process.env.MOTCUA_FUZZ_RUNS ?? 6);
const SEED = Number(process.env.MOTCUA_FUZZ_SEED ?? 15);
/** Only the operations whose path contains this text (to replay one). */
const ONLY = process.env.MOTCUA_FUZZ_ONLY ?? '';

type Schema = {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  format?: string;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  maxItems?: number;
};
type Parameter = { name: string; in: 'path' | 'query' | 'header' | 'cookie'; required?: boolean; schema?: Schema };
type Operation = {
  method: string;
  path: string;
  parameters: Parameter[];
  contentTypes: string[];
  bodySchema: Schema | undefined;
};
type OpenApiDocument = {
  paths: Record<
    string,
    Record<string, { parameters?: Parameter[]; requestBody?: { content?: Record<string, { schema?: Schema }> } }>
  >;
  components?: { schemas?: Record<string, Schema> };
};

const METHODS = new Set(['get', 'post', 'put', 'patch', 'delete']);

const listOperations = (document: OpenApiDocument): Operation[] =>
  Object.entries(document.paths).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([method]) => METHODS.has(method))
      .map(([method, operation]) => {
        const content = operation.requestBody?.content ?? {};
        const contentTypes = Object.keys(content);
        const first = contentTypes[0];
        return {
          method: method.toUpperCase(),
          path,
          parameters: operation.parameters ?? [],
          contentTypes,
          bodySchema: first ? content[first]?.schema : undefined,
        };
      }),
  );

// ---------- hostile values ----------

const HOSTILE_TEXT = [
  '\u0000',
  'Nguyễn\u0000Văn',
  'a\uD800b',
  '\uDFFF',
  '\uDE00\uD83D',
  "' OR 1=1 --",
  '%_\\',
  '../../etc/passwd',
  '\u202Eabc\u200B\u200D',
  'e\u0301\u0301\u0301\u0301',
  '😀👨‍👩‍👧‍👦',
  'Ă'.repeat(20_000),
  'x'.repeat(300),
  '',
  ' ',
  'null',
  '-1',
  '1e309',
  '9999-99-99',
  '2026-02-30',
  '0000-01-01T00:00:00Z',
  '00000000-0000-0000-0000-000000000000',
  '<script>alert(1)</script>',
  '{"$ne":null}',
];

const hostileString = (): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_TEXT) },
    { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 24 }) },
    { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 24 }) },
  );

const hostileNumber = (): fc.Arbitrary<number> =>
  fc.oneof(
    fc.constantFrom(-1, 0, 0.5, -0.5, 2 ** 31, 2 ** 53 + 2, -(2 ** 63), 1e308, -1e308, Number.MIN_VALUE),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.integer(),
  );

const hostileValue = (): fc.Arbitrary<unknown> =>
  fc.oneof(
    { weight: 3, arbitrary: hostileString() },
    { weight: 2, arbitrary: hostileNumber() },
    { weight: 1, arbitrary: fc.constantFrom(true, false, null, [], {}, [[[]]], { __proto__: { x: 1 } }, ['\u0000']) },
    { weight: 1, arbitrary: fc.dictionary(hostileString(), hostileString(), { maxKeys: 3 }) },
  );

// ---------- values shaped by the schemas ----------

type Pools = { ids: string[]; codes: string[] };

const safeStringMatching = (pattern: string): fc.Arbitrary<string> | undefined => {
  try {
    return fc.stringMatching(new RegExp(pattern));
  } catch {
    return undefined;
  }
};

/** A NUL or a lone surrogate put somewhere into an otherwise well-shaped text. */
const withInvalidCharacter = (text: fc.Arbitrary<string>): fc.Arbitrary<string> =>
  fc.tuple(text, fc.constantFrom('\u0000', '\uD800', '\uDFFF', '\uDBFF'), fc.nat()).map(([base, char, at]) => {
    const position = base.length === 0 ? 0 : at % (base.length + 1);
    return `${base.slice(0, position)}${char}${base.slice(position)}`;
  });

const shapedString = (schema: Schema, pools: Pools): fc.Arbitrary<string> => {
  const valid: fc.Arbitrary<string>[] = [];
  if (schema.format === 'uuid') {
    valid.push(fc.constantFrom(...pools.ids), fc.uuid());
  } else if (schema.format === 'date') {
    valid.push(
      fc
        .date({ min: new Date('1900-01-01'), max: new Date('2100-12-31'), noInvalidDate: true })
        .map((d) => d.toISOString().slice(0, 10)),
    );
  } else if (schema.format === 'date-time') {
    valid.push(
      fc
        .date({ min: new Date('1900-01-01'), max: new Date('2100-12-31'), noInvalidDate: true })
        .map((d) => d.toISOString()),
    );
  } else if (schema.pattern) {
    const matching = safeStringMatching(schema.pattern);
    if (matching) {
      valid.push(matching);
    }
  } else {
    valid.push(fc.constantFrom(...pools.codes), fc.string({ unit: 'grapheme', maxLength: 40 }));
  }
  if (valid.length === 0) {
    return hostileString();
  }
  const shaped = fc.oneof(...valid);
  return fc.oneof(
    { weight: 4, arbitrary: shaped },
    { weight: 2, arbitrary: withInvalidCharacter(shaped) },
    { weight: 1, arbitrary: hostileString() },
  );
};

const arbitraryFor = (
  schema: Schema | undefined,
  document: OpenApiDocument,
  pools: Pools,
  depth = 0,
): fc.Arbitrary<unknown> => {
  if (!schema || depth > 6) {
    return hostileValue();
  }
  if (schema.$ref) {
    const name = schema.$ref.split('/').pop() ?? '';
    return arbitraryFor(document.components?.schemas?.[name], document, pools, depth + 1);
  }
  const shaped = shapedArbitrary(schema, document, pools, depth);
  return fc.oneof({ weight: 6, arbitrary: shaped }, { weight: 1, arbitrary: hostileValue() });
};

const shapedArbitrary = (
  schema: Schema,
  document: OpenApiDocument,
  pools: Pools,
  depth: number,
): fc.Arbitrary<unknown> => {
  if (schema.const !== undefined) {
    return fc.constant(schema.const);
  }
  if (schema.enum && schema.enum.length > 0) {
    return fc.constantFrom(...schema.enum);
  }
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives && alternatives.length > 0) {
    return fc.oneof(...alternatives.map((s) => arbitraryFor(s, document, pools, depth + 1)));
  }
  if (schema.allOf && schema.allOf.length > 0) {
    return arbitraryFor(schema.allOf[0], document, pools, depth + 1);
  }
  const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
  if (types.length > 1) {
    return fc.oneof(...types.map((type) => shapedArbitrary({ ...schema, type }, document, pools, depth)));
  }
  switch (types[0]) {
    case 'string':
      return shapedString(schema, pools);
    case 'integer':
      return fc.oneof(
        fc.integer({
          min: Math.max(schema.minimum ?? -1000, -(2 ** 31)),
          max: Math.min(schema.maximum ?? 1000, 2 ** 31),
        }),
        hostileNumber(),
      );
    case 'number':
      return fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e12 }), hostileNumber());
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array':
      return fc.array(arbitraryFor(schema.items, document, pools, depth + 1), {
        maxLength: Math.min(schema.maxItems ?? 3, 3),
      });
    case 'object': {
      const properties = schema.properties ?? {};
      const model = Object.fromEntries(
        Object.entries(properties).map(([key, value]) => [key, arbitraryFor(value, document, pools, depth + 1)]),
      );
      const required = (schema.required ?? []).filter((key) => key in model);
      return fc.record(model, { requiredKeys: required as never[] });
    }
    default:
      return hostileValue();
  }
};

// ---------- requests ----------

type Actor = 'anonymous' | 'official' | 'citizen';
type FuzzRequest = {
  actor: Actor;
  url: string;
  headers: Record<string, string>;
  payload: string | undefined;
};

const MULTIPART_BOUNDARY = 'fuzzBoundary7MA4YWxk';

const multipartBody = (fileName: string, content: string): string =>
  `--${MULTIPART_BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/pdf\r\n\r\n${content}\r\n--${MULTIPART_BOUNDARY}--\r\n`;

/** A body and its content type: mostly what the operation takes, sometimes something else or broken. */
const bodyFor = (operation: Operation, document: OpenApiDocument, pools: Pools) => {
  const json = arbitraryFor(operation.bodySchema, document, pools).map((value) => ({
    contentType: 'application/json',
    payload: JSON.stringify(value) ?? 'null',
  }));
  const multipart = fc
    .record({
      fileName: hostileString(),
      content: fc.oneof(fc.constant('%PDF-1.4\n%%EOF\n'), hostileString()),
      variant: fc.constantFrom('whole', 'no-boundary', 'truncated', 'wrong-boundary'),
    })
    .map(({ fileName, content, variant }) => {
      const body = multipartBody(fileName.replaceAll('"', ''), content);
      switch (variant) {
        case 'no-boundary':
          return { contentType: 'multipart/form-data', payload: body };
        case 'truncated':
          return { contentType: `multipart/form-data; boundary=${MULTIPART_BOUNDARY}`, payload: body.slice(0, 90) };
        case 'wrong-boundary':
          return { contentType: 'multipart/form-data; boundary=other', payload: body };
        default:
          return { contentType: `multipart/form-data; boundary=${MULTIPART_BOUNDARY}`, payload: body };
      }
    });
  const wrong = fc.oneof(
    fc.constant({ contentType: 'application/json', payload: '{"a":' }),
    fc.constant({ contentType: 'application/json', payload: '' }),
    fc.constant({ contentType: 'application/json', payload: '"\\ud800"' }),
    hostileString().map((text) => ({ contentType: 'text/plain', payload: text })),
    hostileString().map((text) => ({ contentType: 'application/x-www-form-urlencoded', payload: `a=${text}` })),
    fc.constant({ contentType: 'application/xml', payload: '<a/>' }),
    fc.constant({ contentType: 'application/json; charset=utf-16', payload: '{}' }),
  );
  const isMultipart = operation.contentTypes.includes('multipart/form-data');
  return fc.oneof({ weight: 5, arbitrary: isMultipart ? multipart : json }, { weight: 2, arbitrary: wrong });
};

/**
 * Percent-encodes like encodeURIComponent, but also a lone surrogate (as the three bytes an
 * attacker's client would send, which encodeURIComponent refuses and URLSearchParams replaces).
 */
const encodeComponent = (text: string): string =>
  [...text]
    .map((char) => {
      const unit = char.charCodeAt(0);
      if (char.length === 1 && unit >= 0xd800 && unit <= 0xdfff) {
        return [0xe0 | (unit >> 12), 0x80 | ((unit >> 6) & 0x3f), 0x80 | (unit & 0x3f)]
          .map((byte) => `%${byte.toString(16).toUpperCase()}`)
          .join('');
      }
      return encodeURIComponent(char);
    })
    .join('');

const toQueryValue = (value: unknown): string[] => {
  if (Array.isArray(value)) {
    return value.flatMap(toQueryValue);
  }
  if (value === undefined) {
    return [];
  }
  return [typeof value === 'string' ? value : JSON.stringify(value)];
};

const requestFor = (operation: Operation, document: OpenApiDocument, pools: Pools): fc.Arbitrary<FuzzRequest> => {
  const pathParameters = operation.parameters.filter((p) => p.in === 'path');
  const queryParameters = operation.parameters.filter((p) => p.in === 'query');
  const pathValues = fc.record(
    Object.fromEntries(
      pathParameters.map((p) => [
        p.name,
        fc.oneof(
          { weight: 3, arbitrary: fc.constantFrom(...pools.ids, ...pools.codes) },
          { weight: 2, arbitrary: hostileString().filter((s) => s.length > 0) },
          { weight: 1, arbitrary: fc.uuid() },
        ),
      ]),
    ),
  );
  const queryValues = fc.record(
    Object.fromEntries(queryParameters.map((p) => [p.name, arbitraryFor(p.schema, document, pools)])),
    { requiredKeys: [] },
  );
  const body =
    operation.method === 'GET' || operation.method === 'DELETE'
      ? fc.constant(undefined)
      : bodyFor(operation, document, pools);
  return fc
    .record({
      actor: fc.constantFrom<Actor>('anonymous', 'official', 'citizen'),
      path: pathValues,
      query: queryValues,
      body,
    })
    .map(({ actor, path, query, body }) => {
      const url = operation.path.replace(/\{([^}]+)\}/g, (_match, name: string) =>
        encodeComponent(String(path[name] ?? 'x')),
      );
      const text = Object.entries(query)
        .flatMap(([name, value]) => toQueryValue(value).map((item) => `${name}=${encodeComponent(item)}`))
        .join('&');
      return {
        actor,
        url: text ? `${url}?${text}` : url,
        headers: body ? { 'content-type': body.contentType } : ({} as Record<string, string>),
        payload: body?.payload,
      };
    });
};

// ---------- the test ----------

let t: TestApp;
let document: OpenApiDocument;
let pools: Pools;
const sessions: Partial<Record<Actor, Record<string, string>>> = {};

beforeAll(async () => {
  document = (await buildOpenApiDocument()) as unknown as OpenApiDocument;
  t = await createTestApp();
  const world: World = await seedWorld(t);
  const procedure = await seedProcedure(t, { catalog: 'national', code: '1.000001' });
  await seedDemoCitizen(t.database.db, 'Mat-khau-cong-dan-2026');
  sessions.official = (await signIn(t.app, 'qttinh')).headers;
  sessions.citizen = (await signInCitizen(t.app, DEMO_CITIZEN.username, 'Mat-khau-cong-dan-2026')).headers;
  pools = {
    ids: [
      ...Object.values(world.agencies).map((agency) => agency.id),
      ...Object.values(world.users).map((user) => user.id),
      procedure.procedureId,
      procedure.versionId,
      randomUUID(),
    ],
    codes: ['1.000001', 'national', '000.00.01.H31', '33', 'tiepnhan', 'file', 'don'],
  };
}, 120_000);

afterAll(async () => {
  await t?.close();
});

/** Signing out would end the shared sessions; those operations are driven anonymously only. */
const isSignOut = (operation: Operation): boolean => /\/auth\/logout$/.test(operation.path);

describe('hostile input never answers 5xx', () => {
  it(
    'drives every operation of the OpenAPI document as anonymous, official and citizen',
    async () => {
      const operations = listOperations(document);
      expect(operations.length).toBeGreaterThan(100);
      let requests = 0;
      const failures: string[] = [];
      for (const [index, operation] of operations.entries()) {
        if (!`${operation.method} ${operation.path}`.includes(ONLY)) {
          continue;
        }
        const details = await fc.check(
          fc.asyncProperty(requestFor(operation, document, pools), async (request) => {
            const actor = isSignOut(operation) ? 'anonymous' : request.actor;
            requests += 1;
            const response = await t.app.inject({
              method: operation.method as 'GET',
              url: request.url,
              headers: { ...(actor === 'anonymous' ? {} : sessions[actor]), ...request.headers },
              ...(request.payload === undefined ? {} : { payload: request.payload }),
            });
            if (response.statusCode >= 500) {
              throw new Error(
                `${operation.method} ${request.url} as ${actor} → ${response.statusCode}: ${response.body.slice(0, 300)}\n` +
                  `content-type: ${request.headers['content-type']}, body: ${JSON.stringify(String(request.payload ?? '').slice(0, 2000))}`,
              );
            }
          }),
          { seed: SEED + index, numRuns: RUNS, endOnFailure: true },
        );
        if (details.failed) {
          const cause =
            details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
          failures.push(
            `${cause}\n  (replay: MOTCUA_FUZZ_SEED=${SEED} seed ${details.seed}, path ${details.counterexamplePath})`,
          );
        }
      }
      // Every failing operation is listed at once, each with the request that broke it.
      expect(failures).toEqual([]);
      if (ONLY === '') {
        expect(requests).toBeGreaterThanOrEqual((operations.length - failures.length) * RUNS);
      }
    },
    Math.max(120_000, RUNS * 60_000),
  );
});
