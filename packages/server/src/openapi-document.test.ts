import { Validator } from '@seriousme/openapi-schema-validator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOpenApiDocument } from './openapi-document.js';
import { createTestApp, type TestApp } from './testing/test-app.js';

type Json = Record<string, unknown>;
type Operation = {
  summary?: string;
  requestBody?: { content: Record<string, { schema?: Json }> };
  responses: Record<string, { content?: Record<string, { schema?: Json }> }>;
};

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace'];

/** Every `$ref` of a document with where it stands (a JSON pointer). */
const listRefs = (node: unknown, at = '#', found: { ref: string; at: string }[] = []) => {
  if (Array.isArray(node)) {
    node.forEach((item, index) => {
      listRefs(item, `${at}/${index}`, found);
    });
  } else if (node !== null && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string') {
        found.push({ ref: value, at });
      } else {
        listRefs(value, `${at}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`, found);
      }
    }
  }
  return found;
};

/** The node a local reference points to (RFC 6901), or undefined. */
const resolveLocalRef = (document: unknown, ref: string): unknown => {
  if (!ref.startsWith('#')) {
    return undefined;
  }
  const tokens = ref.slice(1).split('/').slice(1);
  let node: unknown = document;
  for (const token of tokens) {
    const key = decodeURIComponent(token).replace(/~1/g, '/').replace(/~0/g, '~');
    if (node === null || typeof node !== 'object' || !Object.hasOwn(node, key)) {
      return undefined;
    }
    node = (node as Json)[key];
  }
  return node;
};

/** The references that point nowhere in the document itself (external ones count as dangling). */
const findDanglingRefs = (document: Json) =>
  listRefs(document).filter(({ ref }) => resolveLocalRef(document, ref) === undefined);

/** An object schema that names nothing: an answer or body a client cannot type. */
const isOpenObject = (schema: Json | undefined) =>
  schema === undefined ||
  Object.keys(schema).length === 0 ||
  (schema.type === 'object' &&
    !schema.properties &&
    !schema.$ref &&
    !schema.oneOf &&
    !schema.anyOf &&
    !schema.allOf &&
    !(schema.additionalProperties && Object.keys(schema.additionalProperties as Json).length > 0));

const listOperations = (document: Json) =>
  Object.entries(document.paths as Record<string, Record<string, Operation>>).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([method]) => METHODS.includes(method))
      .map(([method, operation]) => ({ name: `${method.toUpperCase()} ${path}`, operation })),
  );

let t: TestApp;
let served: Json;

beforeAll(async () => {
  t = await createTestApp();
  const response = await t.app.inject({ url: '/openapi.json' });
  expect(response.statusCode).toBe(200);
  served = response.json() as Json;
});

afterAll(async () => {
  await t?.close();
});

describe('the reference walk', () => {
  it('finds references that point nowhere, and accepts those that resolve', () => {
    const document = {
      components: { schemas: { Dossier: { type: 'object' }, 'a/b': { type: 'string' } } },
      paths: {
        '/x': {
          get: {
            responses: {
              200: { content: { 'application/json': { schema: { $ref: '#/components/schemas/Dossier' } } } },
              201: { content: { 'application/json': { schema: { $ref: '#/components/schemas/a~1b' } } } },
              400: { content: { 'application/json': { schema: { $ref: '#/components/schemas/Problem' } } } },
              409: { content: { 'application/json': { schema: { $ref: 'https://example.org/problem.json' } } } },
            },
          },
        },
      },
    };
    expect(findDanglingRefs(document)).toEqual([
      { ref: '#/components/schemas/Problem', at: '#/paths/~1x/get/responses/400/content/application~1json/schema' },
      { ref: 'https://example.org/problem.json', at: '#/paths/~1x/get/responses/409/content/application~1json/schema' },
    ]);
  });
});

describe('the served OpenAPI document', () => {
  it('is a valid OpenAPI 3.1 document', async () => {
    const validator = new Validator();
    const result = await validator.validate(structuredClone(served));
    expect(result.errors).toBeUndefined();
    expect(result.valid).toBe(true);
    expect(validator.version).toBe('3.1');
  });

  it('is the document the web client’s types are generated from', async () => {
    expect(served).toEqual(await buildOpenApiDocument());
  });

  it('has no dangling reference: every named schema is in components.schemas', () => {
    const refs = listRefs(served);
    expect(refs.length).toBeGreaterThan(100);
    expect(findDanglingRefs(served)).toEqual([]);
    const schemas = (served.components as { schemas: Json }).schemas;
    for (const name of ['CounterIntakeInput', 'DossierActionRequestInput', 'Dossier', 'Problem']) {
      expect(schemas[name], name).toBeTypeOf('object');
    }
  });

  it('gives every operation a summary, a typed request body and a typed answer', () => {
    const operations = listOperations(served);
    expect(operations.length).toBeGreaterThan(100);
    const problems: string[] = [];
    for (const { name, operation } of operations) {
      if (!operation.summary?.trim()) {
        problems.push(`${name}: no summary`);
      }
      for (const [mediaType, body] of Object.entries(operation.requestBody?.content ?? {})) {
        if (isOpenObject(body.schema)) {
          problems.push(`${name}: request ${mediaType} is not typed`);
        }
      }
      const answers = Object.entries(operation.responses).filter(([status]) => /^[23]/.test(status));
      if (answers.length === 0) {
        problems.push(`${name}: no success answer`);
      }
      for (const [status, response] of Object.entries(operation.responses)) {
        const contents = Object.entries(response.content ?? {});
        if (contents.length === 0 && /^2/.test(status) && status !== '204') {
          problems.push(`${name}: ${status} has no content`);
        }
        for (const [mediaType, content] of contents) {
          if (isOpenObject(content.schema)) {
            problems.push(`${name}: ${status} ${mediaType} is not typed`);
          }
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('documents the report answers, uploads, files and failures as they are sent', () => {
    const paths = served.paths as Record<string, Record<string, Operation>>;
    const answer = (path: string, method: string, status: string) => paths[path]?.[method]?.responses[status]?.content;
    expect(answer('/api/v1/reports/lateness', 'get', '200')).toEqual({
      'application/json': { schema: { $ref: '#/components/schemas/LatenessReport' } },
    });
    expect(answer('/api/v1/reports/tracking-book', 'get', '200')).toEqual({
      'application/json': { schema: { $ref: '#/components/schemas/TrackingBookPage' } },
    });
    expect(answer('/api/v1/dossiers', 'post', '201')).toEqual({
      'application/json': { schema: { $ref: '#/components/schemas/CounterIntakeResult' } },
    });
    expect(Object.keys(answer('/api/v1/reports/statistics.pdf', 'get', '200') ?? {})).toEqual(['application/pdf']);
    expect(Object.keys(answer('/api/v1/dossiers/{code}/forms/{file}', 'get', '200') ?? {})).toEqual([
      'application/pdf',
    ]);
    expect(answer('/api/v1/dossiers/{code}', 'get', '404')).toEqual({
      'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } },
    });
    const upload = paths['/api/v1/citizen/drafts/{id}/uploads']?.post?.requestBody?.content['multipart/form-data'];
    expect(upload?.schema).toMatchObject({ type: 'object', required: ['file'] });
    const schemas = (served.components as { schemas: Record<string, Json> }).schemas;
    expect(Object.keys(schemas.CounterIntakeResult?.properties as Json)).toEqual(
      expect.arrayContaining(['code', 'id', 'status', 'dueAt', 'version', 'form']),
    );
  });
});
