/**
 * The filled application form (tờ khai) of a dossier, printed as the official paper form: A4 with the
 * margins and type of Decree 30/2020/NĐ-CP Appendix I, the template's legal source at the top right,
 * the national motto, the title, "Kính gửi", each section's fields, the declaration, the date and the
 * requester's signature block. Values are worded by the shared formatter of the domain
 * (describeFilledForm), so the print and the on-screen view say the same thing.
 *
 * Equal input gives equal bytes: the PDF creation date is the submission time (or a fixed date for a
 * draft that has none) and nothing else depends on the clock.
 */

import type { FormDefinition } from '@motcua/domain/eforms/definition';
import {
  describeFilledForm,
  type FilledBlank,
  type FilledGroup,
  type FilledLine,
  type FilledSection,
  findSignerName,
} from '@motcua/domain/eforms/format';
import type { FormValues } from '@motcua/domain/eforms/values';
import { formatDateLongVi, formatDateShortVi, formatTimeVi } from './format-vi.js';
import { type Column, FormWriter, type Run } from './layout.js';

export type ApplicationFormInput = {
  definition: FormDefinition;
  values: FormValues;
  procedureName: string;
  /** The agency the form is addressed to ("Kính gửi: …"). */
  agencyName: string;
  dossierCode: string | null;
  /** When the dossier was submitted (ISO instant); null for a draft. */
  submittedAt: string | null;
  /** Full names of the communes the values name, by 5-digit code ("xã Tân Hưng, tỉnh Hưng Yên"). */
  places: Record<string, string>;
};

export const APPLICATION_FORM_SIGNER = 'Người yêu cầu';
export const APPLICATION_FORM_SIGN_CAPTION = '(Ký, ghi rõ họ, tên)';

/** The creation date of a draft's PDF: fixed, so two prints of the same draft are the same file. */
const UNDATED = { date: '2000-01-01', time: '00:00' };

/** Groups with at most this many columns print as a table, wider ones as a numbered list. */
const MAX_TABLE_COLUMNS = 4;

/** Vietnam local date and time (UTC+7 all year) of an ISO instant. */
const toVietnamMoment = (instant: string): { date: string; time: string } => {
  const ms = Date.parse(instant);
  if (Number.isNaN(ms)) {
    throw new RangeError(`Not an ISO instant: ${instant}`);
  }
  const local = new Date(ms + 7 * 3600_000).toISOString();
  return { date: local.slice(0, 10), time: local.slice(11, 16) };
};

/** Dots that fill the rest of a line after `lead`, as the paper form leaves room to write by hand. */
const dotsAfter = (writer: FormWriter, lead: string, size: number, indent: number): string => {
  const dot = writer.widthOf('.', 'regular', size);
  const room = writer.width - indent - writer.widthOf(lead, 'regular', size) - 2;
  // Too little room on the label's last line: a full line of dots under it.
  const count = room > dot * 12 ? room / dot : (writer.width - indent - 2) / dot;
  return '.'.repeat(Math.max(0, Math.floor(count) - 1));
};

/** The runs of one line ("label: value" or "label: ……"). */
const runsOf = (writer: FormWriter, line: FilledLine, size: number, indent: number): Run[] => {
  const lead = `${line.label}: `;
  if (line.kind === 'blank') {
    return [{ text: lead }, { text: dotsAfter(writer, lead, size, indent) }];
  }
  return [{ text: lead }, { text: line.text, font: line.multiline ? 'regular' : 'bold' }];
};

/** Height of a line as PDFKit will set it, measured generously (in bold) so a field never splits. */
const heightOfLine = (writer: FormWriter, line: FilledLine | FilledBlank, size: number, indent: number): number => {
  const text = runsOf(writer, line, size, indent)
    .map((run) => run.text)
    .join('');
  return writer.heightOf(text, 'bold', size, writer.width - indent) + 1;
};

const writeLine = (writer: FormWriter, line: FilledLine, indent = 0): void => {
  const size = writer.scale.body;
  writer.ensureSpace(heightOfLine(writer, line, size, indent));
  writer.paragraph(runsOf(writer, line, size, indent), { indent, gapAfter: 1.5 });
};

const cellOf = (line: FilledLine | undefined): string => {
  if (!line) {
    return '';
  }
  return line.kind === 'blank' ? '…………' : line.text;
};

/** Height of what a group prints first, so its label is never left alone at the foot of a page. */
const groupLeadHeight = (writer: FormWriter, group: FilledGroup): number => {
  const s = writer.scale;
  const first = group.items[0];
  if (!first) {
    return 0;
  }
  if (group.columns.length <= MAX_TABLE_COLUMNS) {
    return writer.lineHeight(s.table) * 4;
  }
  const line = first.lines[0];
  return writer.lineHeight(s.body) + (line ? heightOfLine(writer, line, s.body, 14) : 0);
};

const writeGroup = (writer: FormWriter, group: FilledGroup): void => {
  const s = writer.scale;
  const lead = `${group.label}:`;
  writer.ensureSpace(writer.heightOf(lead, 'regular', s.body, writer.width) + groupLeadHeight(writer, group));
  writer.paragraph(lead, { align: 'left', gapAfter: 3 });
  if (group.columns.length <= MAX_TABLE_COLUMNS) {
    const columns: Column[] = [
      { header: 'STT', weight: 0, minWidth: 28, align: 'center' },
      ...group.columns.map((column): Column => ({ header: column.label, weight: 1 })),
    ];
    writer.table(
      columns,
      group.items.map((item) => [String(item.number), ...item.cells.map(cellOf)]),
    );
    writer.gap(4);
    return;
  }
  for (const item of group.items) {
    // An item is kept whole on one page when it fits on one, else its title stays with its first line.
    const heights = item.lines.map((line) => heightOfLine(writer, line, s.body, 14));
    const title = writer.lineHeight(s.body) + 1.5;
    const whole = title + heights.reduce((sum, height) => sum + height + 1.5, 0);
    writer.ensureSpace(whole <= writer.bottom - writer.top ? whole : title + (heights[0] ?? 0));
    writer.paragraph([{ text: `${item.title}:`, font: 'boldItalic' }], { indent: 7, gapAfter: 1.5 });
    for (const line of item.lines) {
      writeLine(writer, line, 14);
    }
  }
  writer.gap(2);
};

const firstEntryHeight = (writer: FormWriter, section: FilledSection): number => {
  const entry = section.entries[0];
  if (!entry) {
    return 0;
  }
  if (entry.kind === 'group') {
    return writer.lineHeight() + groupLeadHeight(writer, entry);
  }
  return heightOfLine(writer, entry, writer.scale.body, 0);
};

const writeSection = (writer: FormWriter, section: FilledSection, number: number, numbered: boolean): void => {
  const s = writer.scale;
  const heading = numbered ? `${number}. ${section.title}` : section.title;
  // A heading is never the last thing on a page: it moves with the section's first field.
  writer.ensureSpace(writer.heightOf(heading, 'bold', s.body, writer.width) + 3 + firstEntryHeight(writer, section));
  writer.gap(3);
  writer.paragraph([{ text: heading, font: 'bold' }], { gapAfter: 2 });
  for (const entry of section.entries) {
    if (entry.kind === 'group') {
      writeGroup(writer, entry);
    } else {
      writeLine(writer, entry);
    }
  }
};

/** Renders the filled application form to PDF bytes. */
export const renderApplicationForm = async (input: ApplicationFormInput): Promise<Buffer> => {
  const { definition, values } = input;
  const submitted = input.submittedAt ? toVietnamMoment(input.submittedAt) : undefined;
  const writer = await FormWriter.open('a4-portrait', {
    title: input.dossierCode ? `${definition.title} – ${input.dossierCode}` : definition.title,
    subject: input.procedureName,
    issuedAt: submitted ?? UNDATED,
  });
  const s = writer.scale;

  writer.templateSource(definition.legalSource);
  writer.centredMotto();
  writer.title(definition.title);
  writer.paragraph([{ text: 'Kính gửi: ' }, { text: input.agencyName, font: 'bold' }], {
    align: 'center',
    gapAfter: 6,
  });

  const sections = describeFilledForm(definition, values, { places: input.places });
  const numbered = sections.length > 1;
  sections.forEach((section, index) => {
    writeSection(writer, section, index + 1, numbered);
  });

  // The declaration, the date and the signature close the form on one page.
  const signer = { title: APPLICATION_FORM_SIGNER, caption: APPLICATION_FORM_SIGN_CAPTION };
  const name = findSignerName(definition, values);
  const signers = [name ? { ...signer, name } : signer];
  const dateLine = submitted ? `Ngày ${formatDateLongVi(submitted.date).slice('ngày '.length)}` : undefined;
  const closing =
    (definition.declaration ? writer.heightOf(definition.declaration, 'regular', s.body, writer.width) + 10 : 0) +
    writer.lineHeight() +
    writer.signaturesHeight(signers);
  writer.ensureSpace(closing);
  writer.gap(6);
  if (definition.declaration) {
    writer.paragraph(definition.declaration, { firstLineIndent: 28, gapAfter: 6 });
  }
  const placeDate = dateLine ?? '……………, ngày …… tháng …… năm ……';
  writer.paragraph([{ text: placeDate, font: 'italic' }], {
    align: 'center',
    indent: writer.width / 2,
    gapAfter: 2,
  });
  writer.signatures(signers);

  const footer = [
    input.dossierCode ? `Mã hồ sơ: ${input.dossierCode}` : undefined,
    submitted ? `Nộp lúc ${formatTimeVi(submitted.time)}, ngày ${formatDateShortVi(submitted.date)}` : undefined,
  ].filter((part): part is string => part !== undefined);
  return writer.finish(footer.length > 0 ? { footer: footer.join(' – ') } : {});
};
