import type { DvcqgChannel, DvcqgProcedureRecord } from './protocol.js';

/**
 * The national portal's procedure record (LayThuTuc, reform-and-eoffice.md §F) and the national catalog file's
 * record (`reference-data/tthc-catalog.json`, the input of the existing catalog import and its
 * `normalizeNationalRecord`) carry the same published facts in two shapes. These two pure conversions let the
 * catalog pull feed the portal's records to the existing import unchanged, and let the simulator serve the real
 * catalog data in the portal's shape. Converting a file record to the portal's shape and back gives a record the
 * normaliser reads to the same content, except what the portal's shape has no place for (the source page URL,
 * the ministry group, a row's unparsed text).
 */

/** KENH ↔ the channel labels of the national catalog file (normalize-channels.ts reads them). */
const CHANNEL_LABELS: Readonly<Record<DvcqgChannel, string>> = {
  1: 'Trực tiếp',
  2: 'Trực tuyến',
  3: 'Dịch vụ bưu chính',
};

const channelOfLabel = (label: unknown): DvcqgChannel | undefined => {
  for (const [kenh, text] of Object.entries(CHANNEL_LABELS)) {
    if (text === label) {
      return Number(kenh) as DvcqgChannel;
    }
  }
  return undefined;
};

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const textOf = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() !== '' ? value : undefined;

const APPLICANT_SEPARATOR = '; ';

/**
 * A LayThuTuc record as a record of the national catalog file: what `motcua import procedures` and the
 * catalog import read. Fees: each PHILEPHI's description (MOTA) is the fee text when given, else its amount
 * in đồng; a time row's description becomes the row's fee note. A time of 0 without a unit is "unknown".
 */
export const toNationalCatalogRecord = (record: DvcqgProcedureRecord): Record<string, unknown> => {
  const feeNotes: string[] = [];
  const channels = (record.CACHTHUCTHUCHIEN ?? []).flatMap((way) =>
    way.THOIGIAN.map((time) => {
      const fees = (time.PHILEPHI ?? []).map((fee) => textOf(fee.MOTA) ?? `${fee.SOTIEN} đồng`);
      let noteIndex: number | null = null;
      const note = textOf(time.MOTA);
      if (note !== undefined) {
        noteIndex = feeNotes.indexOf(note);
        if (noteIndex < 0) {
          noteIndex = feeNotes.push(note) - 1;
        }
      }
      const unknownTime = time.THOIGIANGIAIQUYET === 0 && textOf(time.DONVITINH) === undefined;
      return {
        channel: CHANNEL_LABELS[way.KENH],
        time_value: unknownTime ? null : time.THOIGIANGIAIQUYET,
        time_unit: textOf(time.DONVITINH) ?? null,
        fee: fees.length === 0 ? null : fees.join('; '),
        fee_note_index: noteIndex,
      };
    }),
  );
  const field = record.LINHVUCTHUCHIEN[0];
  const agency = record.COQUANTHUCHIEN?.[0];
  const results = (record.KETQUATHUCHIEN ?? []).map((result) => result.TENKETQUA).filter((name) => name !== '');
  return {
    code: record.MATTHC,
    name: record.TENTTHC,
    ...(record.QUYETDINHCONGBO === undefined ? {} : { decision: record.QUYETDINHCONGBO }),
    ...(record.LOAITTHC === undefined ? {} : { procedure_type: record.LOAITTHC }),
    levels: record.CAPTHUCHIEN ?? [],
    field: field?.TENLINHVUC ?? null,
    ...(textOf(field?.MALINHVUC) === undefined ? {} : { field_code: field?.MALINHVUC }),
    applicants: (textOf(record.MOTADOITUONGTHUCHIEN) ?? '').split(APPLICANT_SEPARATOR).filter((item) => item !== ''),
    competent_agency: record.COQUANCOTHAMQUYEN ?? null,
    implementing_agency: agency?.TENDONVI ?? null,
    channels,
    fee_notes: feeNotes,
    documents: (record.THANHPHANHOSO ?? []).flatMap((section) =>
      section.GIAYTO.map((document) => ({
        group: section.TRUONGHOP ?? null,
        name: document.TENGIAYTO,
        template: document.TENMAUDON ?? null,
        original: document.SOBANCHINH ?? 1,
        copy: document.SOBANSAO ?? 0,
      })),
    ),
    result: results.length === 0 ? null : results.join('; '),
    legal_basis: (record.CANCUPHAPLY ?? []).map((law) => law.SOVANBAN),
    conditions: textOf(record.YEUCAU) ?? null,
  };
};

/** Reads an amount of đồng from a fee text ("50.000 đồng", "Miễn phí" → 0); 0 when it names none. */
const readAmount = (text: string): number => {
  const match = /(\d{1,3}(?:[.,]\d{3})+|\d+)/u.exec(text);
  return match?.[1] === undefined ? 0 : Number(match[1].replace(/[.,]/gu, ''));
};

/**
 * A record of the national catalog file in the portal's LayThuTuc shape (for the simulator's catalog), or
 * undefined when it has no code or name. Published: TRANGTHAI 1.
 */
export const toDvcqgProcedureRecord = (raw: unknown): DvcqgProcedureRecord | undefined => {
  if (!isObject(raw) || textOf(raw.code) === undefined || textOf(raw.name) === undefined) {
    return undefined;
  }
  const notes = Array.isArray(raw.fee_notes) ? raw.fee_notes : [];
  // Consecutive rows of one channel share an entry; a channel seen again later gets another one, so the rows
  // keep their published order (the normaliser's content, and so its hash, depends on it).
  const ways: NonNullable<DvcqgProcedureRecord['CACHTHUCTHUCHIEN']> = [];
  for (const row of Array.isArray(raw.channels) ? raw.channels : []) {
    if (!isObject(row)) {
      continue;
    }
    const kenh = channelOfLabel(row.channel);
    if (kenh === undefined) {
      continue;
    }
    let way = ways.at(-1);
    if (way?.KENH !== kenh) {
      way = { KENH: kenh, THOIGIAN: [] };
      ways.push(way);
    }
    const fee = textOf(row.fee);
    const note = typeof row.fee_note_index === 'number' ? textOf(notes[row.fee_note_index]) : undefined;
    way.THOIGIAN.push({
      THOIGIANGIAIQUYET: typeof row.time_value === 'number' ? row.time_value : 0,
      DONVITINH: textOf(row.time_unit) ?? '',
      ...(note === undefined ? {} : { MOTA: note }),
      ...(fee === undefined ? {} : { PHILEPHI: [{ SOTIEN: readAmount(fee), DONVI: 'VNĐ', MOTA: fee }] }),
    });
  }
  const sections = new Map<string, NonNullable<DvcqgProcedureRecord['THANHPHANHOSO']>[number]>();
  for (const document of Array.isArray(raw.documents) ? raw.documents : []) {
    if (!isObject(document) || typeof document.name !== 'string') {
      continue;
    }
    const heading = textOf(document.group) ?? '';
    const section = sections.get(heading) ?? { ...(heading === '' ? {} : { TRUONGHOP: heading }), GIAYTO: [] };
    sections.set(heading, section);
    const template = textOf(document.template);
    section.GIAYTO.push({
      TENGIAYTO: document.name,
      ...(template === undefined ? {} : { TENMAUDON: template }),
      ...(typeof document.original === 'number' ? { SOBANCHINH: document.original } : {}),
      ...(typeof document.copy === 'number' ? { SOBANSAO: document.copy } : {}),
    });
  }
  const strings = (value: unknown): string[] =>
    Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
  const implementing = textOf(raw.implementing_agency);
  const competent = textOf(raw.competent_agency);
  const result = textOf(raw.result);
  const conditions = textOf(raw.conditions);
  const decision = textOf(raw.decision);
  const procedureType = textOf(raw.procedure_type);
  const applicants = strings(raw.applicants);
  return {
    MATTHC: raw.code as string,
    TENTTHC: raw.name as string,
    LINHVUCTHUCHIEN: [{ MALINHVUC: textOf(raw.field_code) ?? '', TENLINHVUC: textOf(raw.field) ?? '' }],
    CACHTHUCTHUCHIEN: ways,
    ...(conditions === undefined ? {} : { YEUCAU: conditions }),
    ...(applicants.length === 0 ? {} : { MOTADOITUONGTHUCHIEN: applicants.join(APPLICANT_SEPARATOR) }),
    ...(result === undefined ? {} : { KETQUATHUCHIEN: [{ TENKETQUA: result }] }),
    CANCUPHAPLY: strings(raw.legal_basis).map((number) => ({ SOVANBAN: number, TENVANBAN: '' })),
    TRANGTHAI: 1,
    ...(implementing === undefined ? {} : { COQUANTHUCHIEN: [{ TENDONVI: implementing, MADONVI: '' }] }),
    ...(competent === undefined ? {} : { COQUANCOTHAMQUYEN: competent }),
    THANHPHANHOSO: [...sections.values()],
    CAPTHUCHIEN: strings(raw.levels),
    ...(decision === undefined ? {} : { QUYETDINHCONGBO: decision }),
    ...(procedureType === undefined ? {} : { LOAITTHC: procedureType }),
  };
};
