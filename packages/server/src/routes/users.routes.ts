import { OFFICIAL_ROLES } from '@motcua/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../context.js';
import { OFFICIAL } from '../http/auth.js';
import { PageQuery, Problem, pageOf } from '../http/schemas.js';
import {
  createUser,
  findUsers,
  getUser,
  grantUserRole,
  resetUserPassword,
  revokeUserRole,
  updateUser,
} from '../usecases/users/users.js';

const Role = z.enum(OFFICIAL_ROLES);
const RoleInput = z.object({ agencyId: z.uuid(), role: Role, includeSubagencies: z.boolean().optional() });

const UserSummary = z
  .object({
    id: z.uuid(),
    username: z.string(),
    fullName: z.string(),
    title: z.string().nullable(),
    status: z.enum(['active', 'disabled']),
    provinceCode: z.string().nullable(),
    version: z.number().int(),
  })
  .meta({ id: 'UserSummary' });

const User = UserSummary.extend({
  email: z.string().nullable(),
  phone: z.string().nullable(),
  roles: z.array(
    z.object({
      agencyId: z.uuid(),
      agencyCode: z.string(),
      agencyName: z.string(),
      role: Role,
      roleLabel: z.object({ vi: z.string(), en: z.string() }),
      includeSubagencies: z.boolean(),
    }),
  ),
}).meta({ id: 'User' });

const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem, 409: Problem, 422: Problem };

export const registerUserRoutes = (app: FastifyInstance, ctx: AppContext): void => {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/api/v1/users',
    {
      config: OFFICIAL,
      schema: {
        tags: ['users'],
        summary: 'Officials of the agencies the caller administers or audits',
        querystring: PageQuery.extend({ agency: z.uuid().optional(), q: z.string().trim().max(100).optional() }),
        response: { 200: pageOf(UserSummary), 400: Problem, 401: Problem, 403: Problem, 404: Problem },
      },
    },
    async (request) => {
      const { page, pageSize, agency, q } = request.query;
      const result = await findUsers(ctx, request.actor, { agencyId: agency, q, page, pageSize });
      return { ...result, page, pageSize };
    },
  );

  api.get(
    '/api/v1/users/:id',
    {
      config: OFFICIAL,
      schema: {
        tags: ['users'],
        summary: 'An official with their roles at each agency (for those who read the agency’s officials)',
        params: z.object({ id: z.uuid() }),
        response: { 200: User, ...errors },
      },
    },
    async (request) => getUser(ctx, request.actor, request.params.id),
  );

  api.post(
    '/api/v1/users',
    {
      config: OFFICIAL,
      schema: {
        tags: ['users'],
        summary: 'Create an official with roles (user.manage in each agency)',
        body: z.object({
          username: z
            .string()
            .trim()
            .toLowerCase()
            .regex(/^[a-z0-9._-]{3,64}$/, { message: 'msg:USERNAME' }),
          fullName: z.string().trim().min(2).max(200),
          title: z.string().trim().max(200).optional(),
          email: z.email().optional(),
          phone: z
            .string()
            .regex(/^(0|\+84)\d{9,10}$/, { message: 'msg:PHONE' })
            .optional(),
          password: z.string().min(1).max(200),
          roles: z.array(RoleInput).min(1).max(20),
        }),
        response: { 201: User, ...errors },
      },
    },
    async (request, reply) => reply.code(201).send(await createUser(ctx, request.actor, request.body)),
  );

  api.patch(
    '/api/v1/users/:id',
    {
      config: OFFICIAL,
      schema: {
        tags: ['users'],
        summary: 'Change an official’s profile or disable the account (guarded by version)',
        params: z.object({ id: z.uuid() }),
        body: z.object({
          expectedVersion: z.number().int().min(1),
          fullName: z.string().trim().min(2).max(200).optional(),
          title: z.string().trim().max(200).nullable().optional(),
          email: z.email().nullable().optional(),
          phone: z
            .string()
            .regex(/^(0|\+84)\d{9,10}$/, { message: 'msg:PHONE' })
            .nullable()
            .optional(),
          status: z.enum(['active', 'disabled']).optional(),
        }),
        response: { 200: User, ...errors },
      },
    },
    async (request) => updateUser(ctx, request.actor, { id: request.params.id, ...request.body }),
  );

  api.post(
    '/api/v1/users/:id/password',
    {
      config: OFFICIAL,
      schema: {
        tags: ['users'],
        summary: 'Set a new password for an official (their sessions end)',
        params: z.object({ id: z.uuid() }),
        body: z.object({ password: z.string().min(1).max(200) }),
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      await resetUserPassword(ctx, request.actor, { id: request.params.id, password: request.body.password });
      return reply.code(204).send(null);
    },
  );

  api.post(
    '/api/v1/users/:id/roles',
    {
      config: OFFICIAL,
      schema: {
        tags: ['users'],
        summary: 'Grant a role in an agency',
        params: z.object({ id: z.uuid() }),
        body: RoleInput,
        response: { 200: User, ...errors },
      },
    },
    async (request) => grantUserRole(ctx, request.actor, { userId: request.params.id, ...request.body }),
  );

  api.delete(
    '/api/v1/users/:id/roles/:agencyId/:role',
    {
      config: OFFICIAL,
      schema: {
        tags: ['users'],
        summary: 'Revoke a role',
        params: z.object({ id: z.uuid(), agencyId: z.uuid(), role: Role }),
        response: { 200: User, ...errors },
      },
    },
    async (request) =>
      revokeUserRole(ctx, request.actor, {
        userId: request.params.id,
        agencyId: request.params.agencyId,
        role: request.params.role,
      }),
  );
};
