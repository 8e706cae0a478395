import { findAgency, findAgencyLineage, listTrackingBookPage, type TrackingBookEntry } from '@motcua/db';
import { buildDayRangePeriod, formatDateVi, formatFullAddress, isAllowed } from '@motcua/domain';
import type { Actor } from '../../auth/actor.js';
import { requireOfficial } from '../../auth/authorize.js';
import { type AppContext, todayInVietnam } from '../../context.js';
import { AppError } from '../../errors/app-error.js';
import type { TrackingBookRow } from '../../pdf/form-data.js';
import { type ReportMeta, vietnamNow } from '../../reports/report-meta.js';
import { findPlaceNameOfAgency } from '../provinces/letterhead.js';
import { decodeCursor, encodeCursor } from './drill-down.js';
import { resolveReportPeriod } from './period.js';
import { AGENCY } from './scope.js';

export type TrackingBookQuery = {
  agency: string;
  from?: string | undefined;
  to?: string | undefined;
  period?: string | undefined;
};

const STATUS_NOTES: Record<string, string> = {
  withdrawn: 'Đã rút hồ sơ',
  stopped: 'Dừng giải quyết',
  refused: 'Từ chối tiếp nhận',
};

const local = (value: Date | null): { date: string; time: string } | null => {
  if (value === null) {
    return null;
  }
  const text = new Date(new Date(value).getTime() + 7 * 3_600_000).toISOString();
  return { date: text.slice(0, 10), time: text.slice(11, 16) };
};

const dateTime = (value: Date | null) => {
  const at = local(value);
  return at ? `${at.time} ${formatDateVi(at.date)}` : '';
};

/** One book line as printed (Circular 01/2018 Mẫu 06 columns). */
export const toTrackingBookRow = (entry: TrackingBookEntry, index: number): TrackingBookRow => ({
  index,
  dossierCode: entry.code,
  summary: entry.summary ?? '',
  sets: entry.sets,
  applicantName: entry.applicantName ?? '',
  address: entry.address
    ? formatFullAddress({
        text: entry.address,
        communeName: entry.communeName ?? undefined,
        provinceName: entry.provinceName ?? undefined,
      })
    : '',
  ...(entry.phone ? { phone: entry.phone } : {}),
  receivedAt: dateTime(entry.receivedAt),
  appointment: dateTime(entry.dueAt),
  ...(entry.returnedAt ? { returnedAt: dateTime(entry.returnedAt) } : {}),
  receiver: entry.receiver ?? '',
  ...((STATUS_NOTES[entry.status] ?? entry.note)
    ? { note: [STATUS_NOTES[entry.status], entry.note].filter(Boolean).join('; ') }
    : {}),
});

export type TrackingBook = {
  meta: ReportMeta;
  agency: { id: string; code: string; name: string };
  period: { from: string; to: string; label: string };
  /** Reads the book page by page (keyset), from an optional cursor, at most `maxRows` rows. */
  pages: (options: { after?: string | undefined; pageSize: number; maxRows: number }) => AsyncGenerator<{
    rows: TrackingBookRow[];
    nextCursor: string | null;
  }>;
};

/**
 * Opens the tracking book of one receiving desk for a period. The book lists personal data, so it
 * is for those who read the desk's dossiers or its reports there (dossier.read or report.read at
 * the agency); anyone else gets 404 or 403 as for the agency itself.
 */
export const openTrackingBook = async (
  ctx: AppContext,
  actor: Actor,
  input: TrackingBookQuery,
): Promise<TrackingBook> => {
  const official = requireOfficial(actor);
  const lineage = await findAgencyLineage(ctx.reader, input.agency);
  const agency = lineage ? await findAgency(ctx.reader, input.agency) : undefined;
  if (!lineage || !agency) {
    throw new AppError('NOT_FOUND', { resource: AGENCY });
  }
  const target = { kind: 'agency' as const, lineage };
  if (!isAllowed(official.grants, 'dossier.read', target) && !isAllowed(official.grants, 'report.read', target)) {
    const visible = official.grants.some(
      (g) => lineage.coveringIds.includes(g.agencyId) || lineage.ancestorIds.includes(g.agencyId),
    );
    throw visible ? new AppError('FORBIDDEN') : new AppError('NOT_FOUND', { resource: AGENCY });
  }
  const today = todayInVietnam(ctx.clock);
  const { period } = resolveReportPeriod(input, today);
  const parent = agency.parentId ? await findAgency(ctx.reader, agency.parentId) : undefined;
  const ids = lineage.coveringIds;
  const meta: ReportMeta = {
    issuer: {
      ...(parent ? { parentName: parent.name } : {}),
      agencyName: agency.name,
      placeName: await findPlaceNameOfAgency(ctx, agency, parent?.name),
    },
    generatedAt: vietnamNow(ctx.clock.now()),
  };
  const label = buildDayRangePeriod(period.from, period.to).label.vi;
  return {
    meta,
    agency: { id: agency.id, code: agency.code, name: agency.name },
    period: { from: period.from, to: period.to, label },
    pages: async function* ({ after, pageSize, maxRows }) {
      let cursor = decodeCursor(after, ['receivedAt', 'code', 'source', 'index'] as const);
      let index = cursor ? Number(cursor.index) : 0;
      let written = 0;
      while (written < maxRows) {
        const limit = Math.min(pageSize, maxRows - written);
        const entries = await listTrackingBookPage(ctx.reader, {
          agencyIds: ids,
          from: period.from,
          to: period.to,
          after: cursor,
          limit: limit + 1,
        });
        const page = entries.slice(0, limit);
        const rows = page.map((entry) => {
          index += 1;
          return toTrackingBookRow(entry, index);
        });
        written += rows.length;
        const last = page[page.length - 1];
        cursor = last
          ? {
              receivedAt: new Date(last.receivedAt).toISOString(),
              code: last.code,
              source: last.source,
              index: String(index),
            }
          : cursor;
        const more = entries.length > limit;
        yield { rows, nextCursor: more && cursor ? encodeCursor(cursor) : null };
        if (!more) {
          return;
        }
      }
    },
  };
};
