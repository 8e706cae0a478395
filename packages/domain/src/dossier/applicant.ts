import { z } from 'zod';
import { type CitizenIdViolation, checkCitizenIdNumber, isTaxCode, PHONE_PATTERN } from './id-number.js';

// Validation messages are keys ("msg:…") that the server turns into Vietnamese or English text.
const isoDate = z.iso.date({ message: 'msg:DATE' });

/**
 * One issue per violation of the personal identification number, under `idNumber`: the message key
 * names the Vietnamese/English text, `params.code` is the stable code the API reports for the field.
 */
const addIdNumberIssues = (ctx: z.RefinementCtx, violations: CitizenIdViolation[]): void => {
  for (const violation of violations) {
    ctx.addIssue({
      code: 'custom',
      path: ['idNumber'],
      message: `msg:${violation.code}`,
      params: { code: violation.code },
    });
  }
};

const Address = z.object({
  text: z.string().trim().min(3).max(500),
  /** Commune code (5 digits) of the administrative unit, when known (used for routing). */
  communeCode: z
    .string()
    .regex(/^\d{5}$/, { message: 'msg:ADMIN_UNIT_CODE' })
    .optional(),
});

export const PersonApplicant = z
  .object({
    kind: z.literal('person'),
    fullName: z.string().trim().min(2).max(200),
    idNumber: z.string().trim(),
    dateOfBirth: isoDate,
    gender: z.enum(['male', 'female']).optional(),
    address: Address,
    phone: z.string().trim().regex(PHONE_PATTERN, { message: 'msg:PHONE' }).optional(),
    email: z.email({ message: 'msg:EMAIL' }).optional(),
  })
  .superRefine((applicant, ctx) => {
    addIdNumberIssues(ctx, checkCitizenIdNumber(applicant.idNumber, applicant));
  });
export type PersonApplicant = z.infer<typeof PersonApplicant>;

export const OrganisationApplicant = z.object({
  kind: z.literal('organisation'),
  name: z.string().trim().min(2).max(300),
  taxCode: z.string().trim().refine(isTaxCode, { message: 'msg:TAX_CODE' }),
  address: Address,
  phone: z.string().trim().regex(PHONE_PATTERN, { message: 'msg:PHONE' }).optional(),
  email: z.email({ message: 'msg:EMAIL' }).optional(),
});
export type OrganisationApplicant = z.infer<typeof OrganisationApplicant>;

export const Applicant = z.discriminatedUnion('kind', [PersonApplicant, OrganisationApplicant]);
export type Applicant = z.infer<typeof Applicant>;

/**
 * Who hands the dossier in, when it is not the applicant: an authorised person (người được ủy
 * quyền, with the authorisation document) or an organisation's legal representative.
 */
export const Submitter = z
  .object({
    relation: z.enum(['authorised', 'legal_representative', 'employee']),
    fullName: z.string().trim().min(2).max(200),
    idNumber: z.string().trim(),
    phone: z.string().trim().regex(PHONE_PATTERN, { message: 'msg:PHONE' }).optional(),
    authorisation: z.string().trim().max(500).optional(),
  })
  .superRefine((submitter, ctx) => {
    // The submitter's date of birth and sex are not asked: only the number's own structure is checked.
    addIdNumberIssues(ctx, checkCitizenIdNumber(submitter.idNumber));
    if (submitter.relation === 'authorised' && !submitter.authorisation) {
      ctx.addIssue({ code: 'custom', path: ['authorisation'], message: 'msg:AUTHORISATION_REQUIRED' });
    }
  });
export type Submitter = z.infer<typeof Submitter>;

/** The applicant's display name (chủ hồ sơ). */
export const getApplicantName = (applicant: Applicant): string =>
  applicant.kind === 'person' ? applicant.fullName : applicant.name;
