import { PassThrough } from 'node:stream';
import { DOCUMENT_KINDS } from '@motcua/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../context.js';
import { OFFICIAL } from '../http/auth.js';
import { IsoDate, Problem } from '../http/schemas.js';
import { renderDocumentRegister } from '../pdf/render-document-register.js';
import { writeDocumentRegisterWorkbook } from '../reports/document-register-workbook.js';
import {
  getDocumentStatistics,
  openDocumentRegister,
  searchOfficialDocuments,
} from '../usecases/eoffice/registers/registers.js';

const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem, 422: Problem };

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Rows per register PDF: a larger register is printed in parts (follow X-Next-Cursor). */
export const DOCUMENT_REGISTER_PDF_ROWS = 2000;

const Kind = z.enum(DOCUMENT_KINDS);

const PeriodQuery = z.object({
  agency: z.uuid(),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  period: z
    .string()
    .max(20)
    .optional()
    .describe('Instead of from/to: 2026 (year), 2026-H1, 2026-Q4 or 2026-11; default the current year'),
});

const RegisterQuery = PeriodQuery.extend({ kind: Kind, cursor: z.string().max(400).optional() });

const Rate = z
  .object({
    numerator: z.number().int(),
    base: z.number().int(),
    percent: z.number().nullable().describe('numerator / base × 100, rounded half up to 0.01; null without a base'),
    hundredths: z.number().int().nullable(),
    text: z.object({ vi: z.string(), en: z.string() }).describe('"4.431/4.788 (92,54%)"'),
  })
  .meta({ id: 'DocumentRate' });

const Counts = z.object({
  incoming: z.number().int(),
  incomingElectronic: z.number().int(),
  outgoing: z.number().int(),
  outgoingElectronic: z.number().int(),
  outgoingSigned: z.number().int(),
});

const Rates = z.object({
  counts: Counts,
  incomingElectronic: Rate,
  outgoingElectronic: Rate,
  exchangedElectronic: Rate,
  outgoingSigned: Rate,
});

const Period = z.object({ from: z.string(), to: z.string(), label: z.string() });
const AgencyRef = z.object({ id: z.string(), code: z.string(), name: z.string() });

const DocumentStatistics = z
  .object({
    agency: AgencyRef,
    period: Period,
    totals: Rates,
    months: z.array(Rates.extend({ month: z.string() })),
  })
  .meta({ id: 'DocumentStatistics' });

const DocumentSearchPage = z
  .object({
    items: z.array(
      z.object({
        kind: Kind,
        id: z.string(),
        at: z.string(),
        date: z.string(),
        numberSymbol: z.string().nullable(),
        documentType: z.string(),
        subject: z.string(),
        sender: z.string().nullable(),
        urgency: z.string(),
        confidential: z.boolean(),
        status: z.string(),
        channel: z.string().nullable(),
      }),
    ),
    nextCursor: z.string().nullable(),
  })
  .meta({ id: 'DocumentSearchPage' });

const attachment = (name: string) => `attachment; filename="${name}"`;

const fileName = (kind: string, code: string, from: string, to: string, ext: string) =>
  `so-van-ban-${kind === 'incoming' ? 'den' : 'di'}-${code}-${from}-${to}.${ext}`.replace(/[^A-Za-z0-9._-]/g, '_');

/**
 * The registers of official documents (issue 19 item 5): the incoming and outgoing registers as PDF and
 * Excel, the search over both kinds, the e-office statistics. Readers: document.read or report.read at the
 * agency.
 */
export const registerDocumentRegisterRoutes = (app: FastifyInstance, ctx: AppContext): void => {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/api/v1/document-registers/register.pdf',
    {
      config: OFFICIAL,
      schema: {
        tags: ['document-registers'],
        summary: `The incoming or outgoing register (Decree 30/2020 Phụ lục IV) as PDF, A4 landscape, ${DOCUMENT_REGISTER_PDF_ROWS} rows per file; X-Next-Cursor gives the next part`,
        querystring: RegisterQuery,
        produces: ['application/pdf'],
      },
    },
    async (request, reply) => {
      const register = await openDocumentRegister(ctx, request.actor, request.query);
      let next: string | null = null;
      const pages = register.pages({
        after: request.query.cursor,
        pageSize: 500,
        maxRows: DOCUMENT_REGISTER_PDF_ROWS,
      });
      const { pdf } = await renderDocumentRegister({
        kind: register.kind,
        issuer: register.meta.issuer,
        yearLabel: register.yearLabel,
        periodLabel: register.period.label,
        issuedAt: register.meta.generatedAt,
        pages: (async function* () {
          for await (const page of pages) {
            next = page.nextCursor;
            yield page.rows;
          }
        })(),
      });
      if (next) {
        reply.header('x-next-cursor', next);
      }
      return reply
        .type('application/pdf')
        .header(
          'content-disposition',
          attachment(fileName(register.kind, register.agency.code, register.period.from, register.period.to, 'pdf')),
        )
        .send(pdf);
    },
  );

  api.get(
    '/api/v1/document-registers/register.xlsx',
    {
      config: OFFICIAL,
      schema: {
        tags: ['document-registers'],
        summary: 'The incoming or outgoing register as Excel, streamed page by page (any size)',
        querystring: RegisterQuery,
        produces: [XLSX],
      },
    },
    async (request, reply) => {
      const register = await openDocumentRegister(ctx, request.actor, request.query);
      const stream = new PassThrough();
      const pages = register.pages({ after: request.query.cursor, pageSize: 1000, maxRows: Number.MAX_SAFE_INTEGER });
      writeDocumentRegisterWorkbook(stream, register, pages).catch((error: unknown) => {
        request.log.error({ err: error }, 'document register export failed');
        stream.destroy(error instanceof Error ? error : new Error(String(error)));
      });
      return reply
        .type(XLSX)
        .header(
          'content-disposition',
          attachment(fileName(register.kind, register.agency.code, register.period.from, register.period.to, 'xlsx')),
        )
        .send(stream);
    },
  );

  api.get(
    '/api/v1/document-registers/search',
    {
      config: OFFICIAL,
      schema: {
        tags: ['document-registers'],
        summary:
          'Incoming and outgoing documents of an agency, newest first, keyset-paginated: by number, symbol or subject without diacritics, sender, type and days; confidential ones only for those assigned',
        querystring: z.object({
          agency: z.uuid(),
          q: z.string().trim().max(200).optional(),
          sender: z.string().trim().max(200).optional(),
          kind: Kind.optional(),
          type: z.string().trim().min(1).max(10).optional(),
          from: IsoDate.optional(),
          to: IsoDate.optional(),
          cursor: z.string().max(400).optional(),
          limit: z.coerce.number().int().min(1).max(100).default(20),
        }),
        response: { 200: DocumentSearchPage, ...errors },
      },
    },
    async (request) => searchOfficialDocuments(ctx, request.actor, request.query),
  );

  api.get(
    '/api/v1/document-registers/statistics',
    {
      config: OFFICIAL,
      schema: {
        tags: ['document-registers'],
        summary:
          'E-office rates of an agency over a period (documents exchanged electronically, outgoing documents digitally signed), each with numerator and base, per month',
        querystring: PeriodQuery,
        response: { 200: DocumentStatistics, ...errors },
      },
    },
    async (request) => getDocumentStatistics(ctx, request.actor, request.query),
  );
};
