import { buffer } from 'node:stream/consumers';
import { describeWorkFileItems, findAgency, findUserNames, listWorkFileItems } from '@motcua/db';
import {
  formatArchivalCode,
  formatRetention,
  mayChangeWorkFile,
  toLocalDate,
  WORK_FILE_ITEM_KIND_LABELS,
} from '@motcua/domain';
import { zipSync } from 'fflate';
import type { Actor } from '../../../auth/actor.js';
import type { AppContext } from '../../../context.js';
import { AppError } from '../../../errors/app-error.js';
import {
  renderWorkFileIndex,
  WORK_FILE_INDEX_COLUMNS,
  type WorkFileCover,
} from '../../../pdf/render-work-file-index.js';
import { vietnamNow } from '../../../reports/report-meta.js';
import { openStoredFile } from '../../portal/uploads.js';
import { findPlaceNameOfAgency } from '../../provinces/letterhead.js';
import { getReadableWorkFile } from './work-file-access.js';

const dmy = (iso: string | null) => (iso ? `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}` : '');

/** A file name safe in every archive tool: ASCII letters, digits, dot and dash. */
const safeName = (text: string) =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .replace(/[^A-Za-z0-9.-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80) || 'tep';

const csvCell = (value: string) => (/[",\n\r;]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

/**
 * The archive package of a work file (nộp lưu, Decree 30/2020 Art. 29): a ZIP with the documents' stored
 * PDFs (and files uploaded to it) in the file's order, the table of contents (mục lục văn bản) as PDF (the
 * cover — bìa hồ sơ — its first page) and as CSV, and the cover's data as JSON. Built by the owner or a head
 * over the unit. Stored files are put uncompressed (PDFs are compressed already); the package is built in
 * memory — a work file holds tens of documents, not thousands.
 */
export const exportWorkFile = async (ctx: AppContext, actor: Actor, id: string) => {
  const { record, facts } = await getReadableWorkFile(ctx, actor, id);
  if (!mayChangeWorkFile(facts)) {
    throw new AppError('WORKFILE_NOT_PERMITTED');
  }
  const items = await listWorkFileItems(ctx.db, record.id);
  const subjects = await describeWorkFileItems(ctx.db, items);
  const unit = await findAgency(ctx.db, record.agencyId);
  const agency = unit?.kind === 'division' && unit.parentId ? await findAgency(ctx.db, unit.parentId) : unit;
  const parent = agency?.parentId ? await findAgency(ctx.db, agency.parentId) : undefined;
  const owner = (await findUserNames(ctx.db, [record.ownerUserId])).get(record.ownerUserId) ?? '';
  const issuedAt = vietnamNow(ctx.clock.now());

  const files: Record<string, [Uint8Array, { level: 0 }]> = {};
  const rows: string[][] = [];
  let documentCount = 0;
  let pageCount = 0;
  let pagesKnown = true;
  let no = 0;
  for (const item of items) {
    const subject = item.itemId ? subjects.get(`${item.itemKind}:${item.itemId}`) : undefined;
    const attachment = item.attachment as { sha256: string; name: string } | null;
    const isDocument = item.itemKind === 'incoming_document' || item.itemKind === 'outgoing_document';
    if (item.itemKind === 'note' && !attachment) {
      continue;
    }
    no += 1;
    const sha256 = subject?.fileSha256 ?? attachment?.sha256 ?? null;
    let stored = '';
    if (sha256) {
      const name = `van-ban/${String(no).padStart(3, '0')}-${safeName(subject?.numberSymbol ?? attachment?.name ?? item.itemKind)}${
        attachment && !subject ? '' : '.pdf'
      }`;
      files[name] = [new Uint8Array(await buffer(await openStoredFile(ctx, sha256))), { level: 0 }];
      stored = name;
    }
    if (isDocument) {
      documentCount += 1;
      if (subject?.pageCount) {
        pageCount += subject.pageCount;
      } else {
        pagesKnown = false;
      }
    }
    const kind = WORK_FILE_ITEM_KIND_LABELS[item.itemKind].vi;
    rows.push([
      String(no),
      subject?.numberSymbol ?? '',
      dmy(subject?.date ?? null),
      isDocument ? (subject?.title ?? '') : `${kind}: ${subject?.title ?? attachment?.name ?? ''}`,
      subject?.author ?? '',
      subject?.pageCount ? String(subject.pageCount) : '',
      [item.note ?? '', stored].filter(Boolean).join('; '),
    ]);
  }
  const cover: WorkFileCover = {
    archivalCode: formatArchivalCode(agency?.code ?? '', record.code),
    code: record.code,
    title: record.title,
    from: toLocalDate(record.openedAt.getTime()),
    to: record.closedAt ? toLocalDate(record.closedAt.getTime()) : null,
    retention: formatRetention(record.retentionYears),
    documentCount,
    pageCount: pagesKnown ? pageCount : null,
    ownerName: owner,
    unitName: unit?.name ?? '',
  };
  const pdf = await renderWorkFileIndex({
    issuer: {
      ...(parent ? { parentName: parent.name } : {}),
      agencyName: agency?.name ?? '',
      placeName: agency ? await findPlaceNameOfAgency(ctx, agency, parent?.name) : '',
    },
    issuedAt,
    cover,
    rows,
  });
  const csv = `\uFEFF${[WORK_FILE_INDEX_COLUMNS.map((column) => column.header), ...rows]
    .map((row) => row.map(csvCell).join(','))
    .join('\r\n')}\r\n`;
  files['muc-luc-van-ban.pdf'] = [new Uint8Array(pdf), { level: 0 }];
  files['muc-luc-van-ban.csv'] = [new TextEncoder().encode(csv), { level: 0 }];
  files['bia-ho-so.json'] = [
    new TextEncoder().encode(
      `${JSON.stringify({ ...cover, status: record.status, generatedAt: issuedAt }, null, 2)}\n`,
    ),
    { level: 0 },
  ];
  const zip = zipSync(files, { mtime: ctx.clock.now() });
  return { content: Buffer.from(zip), fileName: `ho-so-${safeName(record.code)}.zip` };
};
