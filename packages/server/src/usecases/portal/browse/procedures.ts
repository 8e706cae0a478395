import {
  findProcedure,
  findProcedureTemplate,
  getProcedureVersion,
  listProcedureAgencies,
  listProcedureTemplates,
  listProvinceAgenciesOfKinds,
} from '@motcua/db';
import {
  type Component,
  DOSSIER_CHANNELS,
  describeOnlineForm,
  type Fee,
  formatVnd,
  listAllowedOffices,
  listBoundaryFreeDeskKinds,
  type ProcedureDuration,
  type ProcedureVersionContent,
} from '@motcua/domain';
import type { AppContext } from '../../../context.js';
import { AppError } from '../../../errors/app-error.js';
import { type Column, FormWriter } from '../../../pdf/layout.js';
import { isSubmittableOnline } from '../../catalog/procedure-listing.js';

const PROCEDURE = { vi: 'thủ tục hành chính', en: 'procedure' } as const;

export const ONLINE_LEVEL_LABELS = {
  full: { vi: 'Dịch vụ công trực tuyến toàn trình', en: 'Fully online service' },
  partial: { vi: 'Dịch vụ công trực tuyến một phần', en: 'Partly online service' },
  none: { vi: 'Nộp trực tiếp hoặc qua dịch vụ bưu chính', en: 'In person or by post only' },
} as const;

const LEVEL_LABELS = { ministry: 'Cấp bộ', province: 'Cấp tỉnh', commune: 'Cấp xã' } as const;

/** "5 ngày làm việc", "8 giờ làm việc", "15 ngày", "Trong ngày (nhận sau 15:00 trả vào ngày làm việc tiếp theo)". */
export const describeDurationVi = (duration: ProcedureDuration | null, published?: string): string => {
  if (duration === null) {
    return published ?? 'Không quy định';
  }
  switch (duration.unit) {
    case 'working_days':
      return `${duration.value} ngày làm việc${duration.cutoff ? ` (hồ sơ nhận sau ${duration.cutoff} tính từ ngày làm việc tiếp theo)` : ''}`;
    case 'working_hours':
      return `${duration.value} giờ làm việc${duration.cutoff ? ` (hồ sơ nhận sau ${duration.cutoff} tính từ ngày làm việc tiếp theo)` : ''}`;
    case 'calendar_days':
      return `${duration.value} ngày`;
    case 'same_day':
      return `Trong ngày (hồ sơ nhận sau ${duration.cutoff} trả vào ngày làm việc tiếp theo)`;
  }
};

/** "Miễn phí", "50.000 đồng", or the fee as published when it is not a fixed amount. */
export const describeFeeVi = (fee: Fee): string =>
  fee.amountVnd === 0 ? 'Miễn phí' : fee.amountVnd !== null ? formatVnd(fee.amountVnd) : fee.text || 'Theo quy định';

/** "01 bản chính và 01 bản sao". */
const describeCopies = (component: Component): string => {
  const parts = [
    component.originals > 0 ? `${String(component.originals).padStart(2, '0')} bản chính` : undefined,
    component.copies > 0 ? `${String(component.copies).padStart(2, '0')} bản sao` : undefined,
  ].filter(Boolean);
  return parts.length > 0 ? parts.join(' và ') : 'Xuất trình';
};

/** A published procedure of a catalog with its current version (drafts are not public). */
export const loadPublishedProcedure = async (ctx: AppContext, input: { catalog: string; code: string }) => {
  const procedure = await findProcedure(ctx.db, input);
  if (procedure?.status !== 'active' || !procedure.currentVersionId) {
    throw new AppError('NOT_FOUND', { resource: PROCEDURE });
  }
  const version = await getProcedureVersion(ctx.db, procedure.currentVersionId);
  return { procedure, version, content: version.content };
};

/**
 * A procedure as a citizen reads it: what to hand in, how long it takes, what it costs, where to
 * submit, whether it can be done online, and the legal basis — in plain Vietnamese, with the form
 * templates to download (Decree 63/2010/NĐ-CP Art. 8 lists what a published procedure contains).
 */
export const describeProcedureForCitizens = async (ctx: AppContext, input: { catalog: string; code: string }) => {
  const { procedure, version, content } = await loadPublishedProcedure(ctx, input);
  const [agencies, templates] = await Promise.all([
    listProcedureAgencies(ctx.db, procedure.id),
    listProcedureTemplates(ctx.db, procedure.id),
  ]);
  const uploaded = new Set(templates.map((t) => t.componentKey));
  const base = `/api/v1/public/procedures/${encodeURIComponent(procedure.code)}`;
  const templateUrl = (component: Component) =>
    uploaded.has(component.key) || component.templateName
      ? `${base}/templates/${component.key}?catalog=${procedure.catalog}`
      : null;
  const component = (c: Component) => ({
    key: c.key,
    name: c.name,
    copies: describeCopies(c),
    originals: c.originals,
    copiesCount: c.copies,
    required: c.required,
    replaceableByData: c.replaceableByData,
    ...(c.section ? { section: c.section } : {}),
    templateName: c.templateName ?? null,
    templateUrl: templateUrl(c),
  });
  return {
    catalog: procedure.catalog,
    code: procedure.code,
    nationalCode: procedure.nationalCode,
    name: procedure.name,
    field: { name: procedure.fieldName, code: procedure.fieldCode },
    levels: content.levels.map((level) => LEVEL_LABELS[level]),
    onlineLevel: { code: content.onlineLevel, label: ONLINE_LEVEL_LABELS[content.onlineLevel] },
    canSubmitOnline: isSubmittableOnline(procedure.catalog, content.onlineLevel),
    boundaryFree: content.boundaryFree,
    boundaryNote: content.boundaryFree
      ? 'Được nộp hồ sơ tại bất kỳ Bộ phận Một cửa nào trong tỉnh, không phụ thuộc địa giới hành chính.'
      : 'Nộp hồ sơ tại nơi tiếp nhận đã công bố.',
    applicants: content.applicantTypes,
    conditions: content.conditions ?? null,
    steps: content.processSteps.map((step) => step.name),
    channels: content.channels.map((rule) => ({
      channel: rule.channel,
      label: DOSSIER_CHANNELS[rule.channel].vi,
      time: describeDurationVi(rule.duration, rule.durationText),
      fees:
        rule.fees.length === 0
          ? [{ name: 'Phí, lệ phí', amountVnd: 0, text: 'Không thu phí, lệ phí' }]
          : rule.fees.map((fee) => ({ name: fee.name, amountVnd: fee.amountVnd, text: describeFeeVi(fee) })),
      ...(rule.feeText ? { note: rule.feeText } : {}),
    })),
    components: content.components.filter((c) => c.group === 'submit').map(component),
    toPresent: content.components.filter((c) => c.group === 'present').map(component),
    notes: content.components.filter((c) => c.group === 'note').map((c) => c.name),
    whereToSubmit: agencies
      .filter((a) => a.role === 'receiving')
      .map((a) => ({ agencyId: a.agencyId, code: a.code, name: a.name })),
    competentAgency: content.competentAgency ?? null,
    implementingAgency: content.implementingAgency ?? null,
    results: content.resultTypes,
    legalBasis: content.legalBasis,
    version: { no: version.versionNo, effectiveFrom: version.effectiveFrom },
    sourceUrl: content.sourceUrl ?? null,
  };
};

/**
 * The offices that may receive an online dossier of a procedure, before the applicant's residence is
 * known: its published receiving agencies in force in the province and, for a boundary-free
 * procedure, every one-stop desk of the province at its level; kept to what judgeReceivingOffice
 * (@motcua/domain, Decree 118/2025/NĐ-CP) allows. The wizard narrows them to the applicant's commune
 * with the same rule, and submitting checks the chosen one again.
 */
export const listReceivingOffices = async (
  ctx: AppContext,
  input: {
    procedureId: string;
    provinceCode: string;
    content: Pick<ProcedureVersionContent, 'levels' | 'boundaryFree'>;
  },
) => {
  const listed = (await listProcedureAgencies(ctx.db, input.procedureId)).filter(
    (a) => a.role === 'receiving' && a.validTo === null && a.provinceCode === input.provinceCode,
  );
  const desks = input.content.boundaryFree
    ? await listProvinceAgenciesOfKinds(ctx.db, {
        provinceCode: input.provinceCode,
        kinds: listBoundaryFreeDeskKinds(input.content.levels),
      })
    : [];
  const listedIds = new Set(listed.map((a) => a.agencyId));
  const offices = [
    ...listed.map((a) => ({
      agencyId: a.agencyId,
      code: a.code,
      name: a.name,
      kind: a.kind,
      communeCode: a.adminUnitCode,
      listed: true,
    })),
    ...desks
      .filter((d) => !listedIds.has(d.id))
      .map((d) => ({
        agencyId: d.id,
        code: d.code,
        name: d.name,
        kind: d.kind,
        communeCode: d.adminUnitCode,
        listed: false,
      })),
  ].sort((a, b) => a.code.localeCompare(b.code));
  return listAllowedOffices(input.content, offices);
};

/** The online form of a procedure (JSON Schema + components), for the portal and any client. */
export const describeProcedureForm = async (ctx: AppContext, input: { catalog: string; code: string }) => {
  const { procedure, version, content } = await loadPublishedProcedure(ctx, input);
  const receivingAgencies = await listReceivingOffices(ctx, {
    procedureId: procedure.id,
    provinceCode: procedure.catalog,
    content,
  });
  return {
    catalog: procedure.catalog,
    code: procedure.code,
    name: procedure.name,
    versionNo: version.versionNo,
    canSubmitOnline: isSubmittableOnline(procedure.catalog, content.onlineLevel),
    receivingAgencies,
    levels: content.levels,
    boundaryFree: content.boundaryFree,
    ...describeOnlineForm(content),
  };
};

const TEMPLATE_LINES: Column[] = [
  { header: 'Nội dung', weight: 35 },
  { header: 'Thông tin kê khai', weight: 65 },
];

/**
 * A printable declaration when the province has not uploaded the official template: the national
 * header, the component's name, blanks for the applicant's particulars and the legal basis to find
 * the official form in. It says plainly that it is a generated reference copy.
 */
const renderGeneratedTemplate = async (content: ProcedureVersionContent, component: Component, today: string) => {
  const title = (component.templateName ?? component.name).replace(/\.(docx?|pdf)$/i, '');
  const writer = await FormWriter.open('a4-portrait', {
    title,
    subject: content.name,
    issuedAt: { date: today, time: '00:00' },
  });
  writer.title(title, [content.name]);
  writer.paragraph('Kính gửi: ........................................................................');
  writer.gap(4);
  writer.table(TEMPLATE_LINES, [
    ['Họ, chữ đệm, tên người yêu cầu', ''],
    ['Ngày, tháng, năm sinh', ''],
    ['Số định danh cá nhân', ''],
    ['Nơi cư trú', ''],
    ['Số điện thoại, thư điện tử', ''],
    ['Nội dung đề nghị', '\n\n\n'],
  ]);
  writer.gap(6);
  writer.paragraph('Tôi cam đoan những nội dung kê khai trên đây là đúng sự thật và chịu trách nhiệm trước pháp luật.');
  writer.gap(6);
  writer.signatures([{ title: 'Người yêu cầu', caption: '(Ký, ghi rõ họ tên)' }]);
  writer.gap(10);
  writer.paragraph(
    [
      {
        text: `Bản tham khảo do hệ thống tạo. Mẫu chính thức theo ${
          content.legalBasis.map((basis) => basis.number).join(', ') || 'văn bản quy định thủ tục'
        }.`,
        font: 'italic',
      },
    ],
    { size: writer.scale.small },
  );
  return writer.finish();
};

/**
 * A form template of a component: the file the province uploaded, or else a generated reference
 * declaration (for components the catalog says have a template).
 */
export const getProcedureTemplate = async (
  ctx: AppContext,
  input: { catalog: string; code: string; key: string; today: string },
): Promise<
  | { kind: 'stored'; sha256: string; mediaType: string; fileName: string }
  | { kind: 'generated'; pdf: Buffer; fileName: string }
> => {
  const { procedure, content } = await loadPublishedProcedure(ctx, input);
  const component = content.components.find((c) => c.key === input.key);
  if (!component) {
    throw new AppError('TEMPLATE_NOT_AVAILABLE', { key: input.key });
  }
  const stored = await findProcedureTemplate(ctx.db, { procedureId: procedure.id, componentKey: component.key });
  if (stored) {
    return { kind: 'stored', sha256: stored.fileSha256, mediaType: stored.mediaType, fileName: stored.fileName };
  }
  if (!component.templateName) {
    throw new AppError('TEMPLATE_NOT_AVAILABLE', { key: input.key });
  }
  return {
    kind: 'generated',
    pdf: await renderGeneratedTemplate(content, component, input.today),
    fileName: `${component.templateName.replace(/\.(docx?|pdf)$/i, '')}.pdf`,
  };
};
