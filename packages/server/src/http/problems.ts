import { CalendarError } from '@motcua/domain';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, type FieldProblem, type ProblemParams } from '../errors/app-error.js';
import { isProblemCode, type ProblemCode } from '../errors/catalog.js';
import { buildProblem, type ProblemDocument } from '../errors/problem.js';
import { findUniqueViolationProblem } from '../errors/unique-violation.js';
import { fieldProblemCodeOf, formatValidationIssue } from '../errors/validation-messages.js';

/** Fastify's own client errors, mapped to our stable codes. Anything 4xx not listed becomes BAD_REQUEST. */
const FASTIFY_CODES: Record<string, ProblemCode> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'MALFORMED_JSON',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'EMPTY_BODY',
  FST_ERR_CTP_BODY_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'BAD_REQUEST',
  FST_ERR_BAD_URL: 'BAD_REQUEST',
};

const pathOf = (request: FastifyRequest): string => request.url.split('?')[0] ?? request.url;

export const sendProblem = (
  request: FastifyRequest,
  reply: FastifyReply,
  code: ProblemCode,
  options: { params?: ProblemParams; errors?: FieldProblem[]; extensions?: Record<string, unknown> } = {},
): FastifyReply => {
  const document: ProblemDocument = {
    ...buildProblem(code, {
      language: request.language,
      ...(options.params ? { params: options.params } : {}),
      instance: pathOf(request),
      requestId: request.id,
    }),
    ...(options.errors ? { errors: options.errors } : {}),
    ...options.extensions,
  };
  return reply
    .code(document.status)
    .header('content-type', 'application/problem+json; charset=utf-8')
    .header('content-language', request.language)
    .send(document);
};

type ValidationEntry = { keyword?: string; instancePath?: string; message?: string; params?: Record<string, unknown> };

const toFieldProblems = (request: FastifyRequest, error: FastifyError): FieldProblem[] => {
  const context = (error as { validationContext?: string }).validationContext ?? 'body';
  const where = context === 'querystring' ? 'query' : context;
  return ((error.validation ?? []) as ValidationEntry[]).map((entry) => {
    const issue = { ...(entry.params ?? {}), code: entry.keyword ?? 'invalid', message: entry.message };
    return {
      in: where,
      pointer: entry.instancePath || '/',
      code: fieldProblemCodeOf(issue),
      message: formatValidationIssue(issue, request.language),
    };
  });
};

/**
 * One error model for the whole API: every failure leaves as RFC 9457 problem+json with a stable
 * code and Vietnamese or English text. Client mistakes are 4xx; only our own faults are 500, and
 * those never reveal internals (the request id lets an admin find the log line).
 */
export const registerProblemHandlers = (app: FastifyInstance, options: { bodyLimitBytes: number }): void => {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) {
      return sendProblem(request, reply, error.code, {
        params: error.params,
        ...(error.fieldProblems ? { errors: error.fieldProblems } : {}),
        ...(error.extensions ? { extensions: error.extensions } : {}),
      });
    }
    if (error instanceof CalendarError) {
      const code = `CALENDAR_${error.code}`;
      return sendProblem(request, reply, isProblemCode(code) ? code : 'BAD_REQUEST', {
        params: { reason: error.message },
      });
    }
    if (Array.isArray(error.validation)) {
      const errors = toFieldProblems(request, error);
      return sendProblem(request, reply, 'VALIDATION_FAILED', { params: { count: errors.length }, errors });
    }
    const duplicate = findUniqueViolationProblem(error);
    if (duplicate) {
      return sendProblem(request, reply, duplicate.code, {
        params: duplicate.params,
        ...(duplicate.extensions ? { extensions: duplicate.extensions } : {}),
      });
    }
    const status = error.statusCode ?? 500;
    if (status === 429) {
      const retryAfter = Number(reply.getHeader('retry-after') ?? 60);
      return sendProblem(request, reply, 'RATE_LIMITED', { params: { retryAfter } });
    }
    if (status >= 400 && status < 500) {
      const code: ProblemCode =
        (error.code ? FASTIFY_CODES[error.code] : undefined) ??
        (error instanceof SyntaxError ? 'MALFORMED_JSON' : status === 413 ? 'PAYLOAD_TOO_LARGE' : 'BAD_REQUEST');
      const contentType = String(request.headers['content-type'] ?? '');
      return sendProblem(request, reply, code, { params: { limit: options.bodyLimitBytes, contentType } });
    }
    request.log.error({ err: error }, 'unhandled error');
    return sendProblem(request, reply, 'INTERNAL_ERROR', { params: { requestId: request.id } });
  });
};
