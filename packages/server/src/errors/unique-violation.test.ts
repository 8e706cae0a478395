import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedWorld, signIn, type World } from '../testing/fixtures.js';
import { createTestApp, type TestApp } from '../testing/test-app.js';
import { findUniqueViolationProblem } from './unique-violation.js';

const violation = (fields: Record<string, string>) => Object.assign(new Error('duplicate key value'), fields);

describe('findUniqueViolationProblem', () => {
  it('gives the problem of a known index with the value from the detail', () => {
    const problem = findUniqueViolationProblem(
      violation({
        code: '23505',
        constraint: 'agency_code_in_force',
        detail: 'Key (code)=(000.00.01.H31) already exists.',
      }),
    );
    expect(problem).toMatchObject({ code: 'AGENCY_CODE_TAKEN', status: 409, params: { code: '000.00.01.H31' } });
  });

  it('finds the violation in the cause chain and names the resource and columns, not the values', () => {
    const cause = violation({
      code: '23505',
      constraint: 'procedure_catalog_code_key',
      table: 'procedure',
      detail: 'Key (catalog, code)=(national, 1.000001) already exists.',
    });
    const problem = findUniqueViolationProblem(new Error('wrapped', { cause }));
    expect(problem).toMatchObject({
      code: 'ALREADY_EXISTS',
      status: 409,
      params: { resource: { en: 'administrative procedure' }, fields: 'catalog, code' },
      extensions: { constraint: 'procedure_catalog_code_key' },
    });
    expect(JSON.stringify(problem?.params)).not.toContain('1.000001');
  });

  it('ignores other database errors and plain errors', () => {
    expect(findUniqueViolationProblem(violation({ code: '23503' }))).toBeUndefined();
    expect(findUniqueViolationProblem(new Error('boom'))).toBeUndefined();
    expect(findUniqueViolationProblem(undefined)).toBeUndefined();
  });
});

describe('concurrent creations of the same thing', () => {
  let t: TestApp;
  let world: World;

  beforeAll(async () => {
    t = await createTestApp();
    world = await seedWorld(t);
  });

  afterAll(async () => {
    await t?.close();
  });

  it('creates one agency and answers 409 AGENCY_CODE_TAKEN to the others, never 500', async () => {
    const admin = await signIn(t.app, 'qttinh');
    const parentId = world.agencies.province?.id;
    const responses = await Promise.all(
      Array.from({ length: 4 }, (_, i) =>
        t.app.inject({
          method: 'POST',
          url: '/api/v1/agencies',
          headers: { ...admin.headers, 'accept-language': 'en' },
          payload: { code: '000.09.09.H31', name: `Sở thử đồng thời ${i}`, kind: 'province_department', parentId },
        }),
      ),
    );
    const statuses = responses.map((response) => response.statusCode).sort();
    expect(statuses).toEqual([201, 409, 409, 409]);
    for (const response of responses.filter((r) => r.statusCode === 409)) {
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.json()).toMatchObject({ code: 'AGENCY_CODE_TAKEN' });
      expect(response.json().detail).toContain('000.09.09.H31');
    }
  });
});
