import { z } from 'zod';
import { AGENCY_CODE_PATTERN } from '../agencies/agency.js';
import { FormDefinition } from '../eforms/definition.js';
import { findUnknownPlaceholders, ResultTemplate } from '../eforms/result-template.js';

/**
 * The procedure catalog model (danh mục thủ tục hành chính).
 *
 * This is the clean shape province admins edit by hand and the rest of the system reads (intake,
 * receipt slips, due dates, fees, search). It deliberately does not mirror the national scrape:
 * `normalizeNationalRecord` maps the scrape onto it and reports every repair it made.
 *
 * What a published procedure contains follows Decree 63/2010/NĐ-CP Art. 8 (as amended by
 * Decree 92/2017/NĐ-CP): name, steps, channels, dossier components and number of sets, time
 * limit, applicants, competent agency, result, fees, forms, conditions and legal basis.
 *
 * Schemas only validate (no transforms), so `ProcedureVersionContent.parse(x)` returns a value
 * equal to any valid `x`; that keeps content hashes stable across a parse round trip.
 */

/** Text stored as entered: non-empty and without leading or trailing whitespace. */
const text = (max: number) =>
  z
    .string()
    .min(1)
    .max(max)
    .refine((value) => value.trim() === value, { message: 'must not start or end with whitespace' });

/** Keys of components and process steps: lower-case slugs, stable within a version. */
export const CATALOG_KEY_PATTERN = /^[a-z0-9]+(?:[-_][a-z0-9]+)*$/;
const Key = z.string().max(64).regex(CATALOG_KEY_PATTERN, 'must be a lower-case slug such as "submit-1a2b3c"');

/**
 * National procedure code as published in the National TTHC database (CSDLQG về TTHC), e.g.
 * "1.001193". All 2,642 records of the 2026 scrape have exactly this form (one digit, a dot,
 * six digits); the agency-suffixed form "1.003560.000.00.00.H56" seen in provincial systems is a
 * local code, not a national one.
 */
export const NATIONAL_CODE_PATTERN = /^\d\.\d{6}$/;

/** A province's own code (local procedures, or the agency-suffixed variant of a national code). */
export const LOCAL_CODE_PATTERN = /^[0-9A-Za-z][0-9A-Za-z._-]{0,63}$/;

/**
 * Field code `MX1X2-LV` (Circular 01/2018/TT-VPCP Art. 20, kept by Circular 03/2025/TT-VPCP):
 * the level-1 unit code (a letter and two digits, e.g. G03, H56) and the field code from the
 * government office's list, e.g. "G03-GD10".
 */
export const FIELD_CODE_PATTERN = /^[A-Z]\d{2}-[A-Z0-9]{1,10}$/;

/** 'HH:MM', 24-hour clock, Vietnam local time. */
export const CLOCK_TIME_PATTERN = /^([01]\d|2[0-3]):[0-5]\d$/;
const ClockTime = z.string().regex(CLOCK_TIME_PATTERN, 'must be a time "HH:MM"');

/**
 * Working hours in a working day, used to compare working-day limits with hour allotments.
 * Civil servants work 8 hours a day, 40 a week (Decision 188/1999/QĐ-TTg; Labour Code 2019 Art. 105).
 */
export const WORKING_HOURS_PER_DAY = 8;

/**
 * Implementation levels. Since 1 July 2025 local government has two levels (province and
 * commune) and there is no district level (Law on Local Government 2025; Decree 118/2025/NĐ-CP).
 */
export const ProcedureLevel = z.enum(['ministry', 'province', 'commune']);
export type ProcedureLevel = z.infer<typeof ProcedureLevel>;

/** Submission channels: in person (trực tiếp), online (trực tuyến), postal (dịch vụ bưu chính). */
export const Channel = z.enum(['direct', 'online', 'postal']);
export type Channel = z.infer<typeof Channel>;

/**
 * Online public-service level under Decree 42/2022/NĐ-CP: `full` (toàn trình: submission,
 * handling and result all online, result possibly by post), `partial` (một phần: any other online
 * service) or `none`.
 */
export const OnlineLevel = z.enum(['full', 'partial', 'none']);
export type OnlineLevel = z.infer<typeof OnlineLevel>;

/**
 * A legal processing time limit. Counted in working days or hours (the form most limits are
 * published in), calendar days, or "within the day" with a cutoff after which the dossier rolls
 * to the next working day. Values are whole positive numbers: a zero limit is written `same_day`,
 * and fractions of a day are converted to working hours by the importer.
 */
const DurationValue = z.number().int().positive();
export const ProcedureDuration = z.discriminatedUnion('unit', [
  z.object({ unit: z.enum(['working_days', 'working_hours']), value: DurationValue, cutoff: ClockTime.optional() }),
  z.object({ unit: z.literal('calendar_days'), value: DurationValue }),
  z.object({ unit: z.literal('same_day'), cutoff: ClockTime }),
]);
export type ProcedureDuration = z.infer<typeof ProcedureDuration>;

/** Fee kind: phí (a charge for a service), lệ phí (a state charge; Law on Fees and Charges 2015), or other. */
export const FeeKind = z.enum(['phi', 'le_phi', 'other']);
export type FeeKind = z.infer<typeof FeeKind>;

export const Fee = z.object({
  name: text(500),
  kind: FeeKind,
  /** Whole đồng; 0 when free; null when unknown, foreign-currency or not a fixed amount (a rate). */
  amountVnd: z.number().int().nonnegative().max(1e15).nullable(),
  /** The fee as published, kept verbatim (normalised whitespace). */
  text: z.string().max(5000),
  /** Exemptions and temporary reductions as published (miễn, giảm). */
  exemptions: text(5000).optional(),
});
export type Fee = z.infer<typeof Fee>;

/**
 * A dossier component (thành phần hồ sơ). `submit`: handed in (giấy tờ phải nộp); `present`:
 * shown and handed back (giấy tờ phải xuất trình); `note`: an instruction listed with the
 * components (lưu ý).
 */
export const ComponentGroup = z.enum(['submit', 'present', 'note']);
export type ComponentGroup = z.infer<typeof ComponentGroup>;

/** A group of alternatives, any one of which satisfies the requirement (Decree 63/2010/NĐ-CP Art. 8). */
export const ComponentAlternativeGroup = z.object({
  key: Key,
  label: text(1000),
  order: z.number().int().nonnegative().max(999),
});
export type ComponentAlternativeGroup = z.infer<typeof ComponentAlternativeGroup>;

export const Component = z.object({
  key: Key,
  name: text(5000),
  group: ComponentGroup,
  originals: z.number().int().nonnegative().max(99),
  copies: z.number().int().nonnegative().max(99),
  /** False for components needed only in some cases ("Trường hợp…", "(nếu có)") and for notes. */
  required: z.boolean(),
  templateName: text(500).optional(),
  /**
   * The text says the data can be taken from a national database (population, civil status,
   * business registration…) so the paper need not be submitted (Decree 104/2022/NĐ-CP,
   * Decision 06/QĐ-TTg): counted by the "components replaced by data" indicator of Decision 766.
   */
  replaceableByData: z.boolean(),
  /** Heading the component is listed under in the source, usually the case it applies to. */
  section: text(1000).optional(),
  /** The source cut the name short (it ends with "…"); complete it from the source page. */
  nameTruncated: z.boolean().optional(),
  /**
   * One option of a "one of" requirement ("gồm một trong các giấy tờ sau"): a required group is
   * satisfied when any one of its members is handed in. `order` keeps the text's order (a, b, c).
   */
  alternativeGroup: ComponentAlternativeGroup.optional(),
});
export type Component = z.infer<typeof Component>;

export const ChannelRule = z.object({
  channel: Channel,
  duration: ProcedureDuration.nullable(),
  fees: z.array(Fee),
  /** The published description of this channel row (mô tả): fee details, cases, where to submit. */
  feeText: text(10_000).optional(),
  /** The time limit as published, e.g. "15 Ngày làm việc" or "1" (no unit on the source page). */
  durationText: text(500).optional(),
});
export type ChannelRule = z.infer<typeof ChannelRule>;

export const StepRole = z.enum(['receptionist', 'processor', 'approver', 'result_returner']);
export type StepRole = z.infer<typeof StepRole>;

const AgencyCode = z.string().regex(AGENCY_CODE_PATTERN, 'must be an agency identifier such as "000.00.00.H56"');

export const StepAgency = z.discriminatedUnion('kind', [
  /** The agency that received the dossier (one-stop counter or portal). */
  z.object({ kind: z.literal('receiving') }),
  z.object({ kind: z.literal('fixed'), agencyCode: AgencyCode }),
  /** The commune where the applicant lives. */
  z.object({ kind: z.literal('applicant_commune') }),
  z.object({ kind: z.literal('province_department'), agencyCode: AgencyCode }),
]);
export type StepAgency = z.infer<typeof StepAgency>;

/**
 * A step of the internal process template (quy trình nội bộ), added by province admins; the
 * national data has none. Handoffs mark transfers inside an agency, between agencies (liên thông)
 * or between levels.
 */
export const ProcessStep = z.object({
  key: Key,
  name: text(500),
  role: StepRole,
  agency: StepAgency,
  allotmentWorkingHours: z.number().nonnegative().max(100_000),
  handoff: z.enum(['internal', 'inter_agency', 'inter_level']).optional(),
});
export type ProcessStep = z.infer<typeof ProcessStep>;

/** Where the published text lives: http(s) only (dichvucong.gov.vn or a provincial portal). */
export const SourceUrl = z.url({ protocol: /^https?$/ });
export type SourceUrl = z.infer<typeof SourceUrl>;

export const LegalBasis = z.object({ number: text(200), title: text(2000).optional() });
export type LegalBasis = z.infer<typeof LegalBasis>;

const ProcedureVersionContentObject = z.object({
  nationalCode: z.string().regex(NATIONAL_CODE_PATTERN, 'must be a national code such as "1.001193"').nullable(),
  localCode: z.string().regex(LOCAL_CODE_PATTERN, 'must be letters, digits, ".", "-" or "_"').optional(),
  name: text(2000),
  field: z.object({
    name: text(500),
    code: z.string().regex(FIELD_CODE_PATTERN, 'must be a field code MX1X2-LV such as "G03-GD10"').optional(),
  }),
  levels: z.array(ProcedureLevel),
  decision: text(200).optional(),
  procedureType: text(500).optional(),
  applicantTypes: z.array(text(500)),
  competentAgency: text(1000).optional(),
  implementingAgency: text(1000).optional(),
  components: z.array(Component),
  channels: z.array(ChannelRule),
  onlineLevel: OnlineLevel,
  /** Received regardless of administrative boundary within the province (Decree 118/2025/NĐ-CP). */
  boundaryFree: z.boolean(),
  resultTypes: z.array(text(2000)),
  legalBasis: z.array(LegalBasis),
  conditions: text(10_000).optional(),
  processSteps: z.array(ProcessStep),
  /** What a supplement request does to the clock: pause it, or restart it on the complete dossier. */
  clockOnSupplement: z.enum(['pause', 'restart']),
  /** Online dossiers are accepted without a receptionist's check. */
  autoAccept: z.boolean(),
  sourceUrl: SourceUrl.optional(),
  /**
   * The application form (tờ khai) as data, filled in online and at the counter instead of a paper form
   * (Decree 45/2020/NĐ-CP Art. 9, 11); absent when the province has not defined one.
   */
  applicationForm: FormDefinition.optional(),
  /**
   * The template of the result document (văn bản kết quả) the approver generates from the dossier and its
   * filled form (eforms/result-template.ts); absent when the agency issues its result another way (an
   * uploaded signed PDF).
   */
  resultTemplate: ResultTemplate.optional(),
});

/**
 * The legal time of the in-person channel in working hours, or undefined when no direct rule is
 * counted in working days or hours. With several direct rules (one per case) the longest is
 * used: the process template is shared by all cases, and a template longer than every published
 * limit is certainly wrong, whereas one that fits only the longer case may be right for it.
 */
export const findDirectLegalWorkingHours = (channels: readonly ChannelRule[]): number | undefined => {
  let longest: number | undefined;
  for (const rule of channels) {
    if (rule.channel !== 'direct' || rule.duration === null) {
      continue;
    }
    const { duration } = rule;
    const hours =
      duration.unit === 'working_days'
        ? duration.value * WORKING_HOURS_PER_DAY
        : duration.unit === 'working_hours'
          ? duration.value
          : undefined;
    if (hours !== undefined && (longest === undefined || hours > longest)) {
      longest = hours;
    }
  }
  return longest;
};

export const ProcedureVersionContent = ProcedureVersionContentObject.superRefine((content, ctx) => {
  const levels = new Set<string>();
  content.levels.forEach((level, index) => {
    if (levels.has(level)) {
      ctx.addIssue({ code: 'custom', path: ['levels', index], message: `level "${level}" is listed twice` });
    }
    levels.add(level);
  });

  const componentKeys = new Set<string>();
  content.components.forEach((component, index) => {
    if (componentKeys.has(component.key)) {
      ctx.addIssue({
        code: 'custom',
        path: ['components', index, 'key'],
        message: `component key "${component.key}" is not unique`,
      });
    }
    componentKeys.add(component.key);
  });

  const stepKeys = new Set<string>();
  content.processSteps.forEach((step, index) => {
    if (stepKeys.has(step.key)) {
      ctx.addIssue({
        code: 'custom',
        path: ['processSteps', index, 'key'],
        message: `process step key "${step.key}" is not unique`,
      });
    }
    stepKeys.add(step.key);
  });

  // The internal process must fit inside the legal time limit: a template that needs more hours
  // than the law allows makes every dossier late by construction (Decree 118/2025/NĐ-CP requires
  // dossiers to be resolved within the published time limit).
  if (content.processSteps.length > 0) {
    const legalHours = findDirectLegalWorkingHours(content.channels);
    const allotted = content.processSteps.reduce((sum, step) => sum + step.allotmentWorkingHours, 0);
    if (legalHours !== undefined && allotted > legalHours) {
      ctx.addIssue({
        code: 'custom',
        path: ['processSteps'],
        message:
          `process steps allot ${allotted} working hours in total, more than the legal time limit of the ` +
          `direct channel (${legalHours} working hours)`,
      });
    }
  }

  const replaced = content.applicationForm?.replacesComponent;
  if (replaced !== undefined && !content.components.some((c) => c.key === replaced && c.group === 'submit')) {
    ctx.addIssue({
      code: 'custom',
      path: ['applicationForm', 'replacesComponent'],
      message: `the form replaces component "${replaced}", which is not a component to submit`,
    });
  }

  if (content.resultTemplate) {
    for (const name of findUnknownPlaceholders(content.resultTemplate, content.applicationForm)) {
      ctx.addIssue({
        code: 'custom',
        path: ['resultTemplate'],
        message: `the result template names "{{${name}}}", which is neither a dossier value nor a field of the application form`,
      });
    }
  }

  if (content.onlineLevel !== 'none' && !content.channels.some((rule) => rule.channel === 'online')) {
    ctx.addIssue({
      code: 'custom',
      path: ['onlineLevel'],
      message: `online level "${content.onlineLevel}" needs an online channel rule`,
    });
  }
});
export type ProcedureVersionContent = z.infer<typeof ProcedureVersionContent>;
