import { z } from 'zod';
import { PHONE_PATTERN } from '../dossier/id-number.js';
import { PAKN_STATES, type PaknState } from '../pakn/pakn-workflow.js';

/**
 * Feedback on administrative regulations (phản ánh, kiến nghị, PAKN) under Decree 20/2008/NĐ-CP as
 * amended by Decree 48/2013/NĐ-CP and Decree 92/2017/NĐ-CP. Scope: policies and procedures — not
 * complaints or denunciations (khiếu nại, tố cáo), which follow their own laws. A feedback must be
 * in Vietnamese and give the sender's name, address and phone (Art. 5, as amended); it is logged in
 * the register (sổ tiếp nhận) on receipt (Art. 9). Codes follow the national portal's form
 * PAKN.yyyymmdd.nnnn (e.g. PAKN.20200812.0012; regulations brief §9).
 */

/** Phản ánh (about how a rule is applied or its flaws) or kiến nghị (a proposal). */
export const PAKN_KINDS = {
  phan_anh: { vi: 'Phản ánh', en: 'Report' },
  kien_nghi: { vi: 'Kiến nghị', en: 'Proposal' },
} as const;
export const PaknKind = z.enum(['phan_anh', 'kien_nghi']);
export type PaknKind = z.infer<typeof PaknKind>;

/** What the feedback is about (Decree 20/2008 Art. 3, as amended by Decree 48/2013 Art. 1). */
export const PAKN_TOPICS = {
  conduct: {
    vi: 'Hành vi chậm trễ, gây phiền hà hoặc không thực hiện, thực hiện không đúng quy định hành chính',
    en: 'Delays, harassment or failure to apply the rules by officials',
  },
  regulation: {
    vi: 'Quy định hành chính không phù hợp, không đồng bộ, không thống nhất, trái pháp luật',
    en: 'Unsuitable, inconsistent or unlawful rules',
  },
  proposal: {
    vi: 'Phương án xử lý, sáng kiến ban hành mới quy định hành chính',
    en: 'Proposal for handling or new rules',
  },
  initiative: { vi: 'Sáng kiến cải cách thủ tục hành chính', en: 'Initiative to simplify procedures' },
} as const;
export const PaknTopic = z.enum(['conduct', 'regulation', 'proposal', 'initiative']);
export type PaknTopic = z.infer<typeof PaknTopic>;

export const PAKN_CODE_PATTERN = /^PAKN\.(\d{4})(\d{2})(\d{2})\.(\d{4,})$/;

/** "PAKN.20261123.0007": the day received (Vietnam date) and the day's sequence, four digits or more. */
export const formatPaknCode = (day: string, sequence: number): string => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || !Number.isInteger(sequence) || sequence < 1) {
    throw new RangeError(`bad PAKN code parts: ${day} ${sequence}`);
  }
  return `PAKN.${day.replaceAll('-', '')}.${String(sequence).padStart(4, '0')}`;
};

/** The day and sequence of a PAKN code, or undefined when it is not one. */
export const parsePaknCode = (code: string): { day: string; sequence: number } | undefined => {
  const match = PAKN_CODE_PATTERN.exec(code);
  if (!match) {
    return undefined;
  }
  const [, year, month, day, seq] = match;
  const date = `${year}-${month}-${day}`;
  const check = new Date(`${date}T00:00:00Z`);
  if (Number.isNaN(check.getTime()) || check.toISOString().slice(0, 10) !== date) {
    return undefined;
  }
  return { day: date, sequence: Number(seq) };
};

/** A feedback as the public form sends it. Name, address and phone are required by the decree. */
export const PaknSubmission = z
  .object({
    provinceCode: z.string().regex(/^\d{2}$/, { message: 'msg:PROVINCE_CODE' }),
    kind: PaknKind,
    topic: PaknTopic,
    /** The regulation or procedure concerned, as the sender names it. */
    regulation: z.string().trim().min(3).max(500),
    /** The national or local code of the procedure, when the feedback is about one. */
    procedureCode: z
      .string()
      .trim()
      .regex(/^[0-9A-Za-z][0-9A-Za-z._-]{0,63}$/)
      .optional(),
    content: z.string().trim().min(20).max(10_000),
    sender: z
      .object({
        name: z.string().trim().min(2).max(200),
        address: z.string().trim().min(5).max(500),
        phone: z.string().trim().regex(PHONE_PATTERN, { message: 'msg:PHONE' }),
        email: z.email({ message: 'msg:EMAIL' }).optional(),
      })
      .strict(),
  })
  .strict();
export type PaknSubmission = z.infer<typeof PaknSubmission>;

/** The states of a PAKN as the sender sees them: the handling table's (pakn/pakn-workflow.ts). */
export const PAKN_STATUSES = PAKN_STATES;
export type PaknStatus = PaknState;
