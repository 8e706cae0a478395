/**
 * Decisions announcing a province's catalog changes (quyết định công bố danh mục thủ tục hành chính). Decree
 * 63/2010/NĐ-CP Art. 15 (as amended by Decree 92/2017/NĐ-CP): the chairman of the provincial People's Committee
 * announces the procedures newly issued, amended or supplemented, and abolished in the province, and they are
 * published on the province's portal; Circular 02/2017/TT-VPCP gives the form of the decision and its list.
 */

export const PROCEDURE_CHANGE_KINDS = ['new', 'amended', 'abolished'] as const;
export type ProcedureChangeKind = (typeof PROCEDURE_CHANGE_KINDS)[number];

/** The headings of the decision's list ("Danh mục thủ tục hành chính mới ban hành / sửa đổi, bổ sung / bị bãi bỏ"). */
export const PROCEDURE_CHANGE_LABELS = {
  new: { vi: 'Mới ban hành', en: 'Newly issued' },
  amended: { vi: 'Sửa đổi, bổ sung', en: 'Amended or supplemented' },
  abolished: { vi: 'Bị bãi bỏ', en: 'Abolished' },
} as const satisfies Record<ProcedureChangeKind, { vi: string; en: string }>;

/**
 * The number and symbol of a decision as printed, "1234/QĐ-UBND" (Decree 30/2020/NĐ-CP Phụ lục I: the number,
 * a slash, the type's abbreviation and the issuer's); a further suffix is allowed ("…/QĐ-UBND-DEMO").
 */
export const DECISION_NUMBER_PATTERN = /^[0-9]{1,6}\/[0-9A-ZĐ]+(?:-[0-9A-ZĐ]+)+$/u;

/** A decision item drafted from a catalog import row: a created procedure is new, an updated one amended. */
export const changeKindOfImportOutcome = (outcome: 'created' | 'updated'): ProcedureChangeKind =>
  outcome === 'created' ? 'new' : 'amended';

export type DecisionToPublish = {
  signedOn: string;
  effectiveOn: string | null;
  items: readonly { procedureCode: string; changeKind: ProcedureChangeKind; inCatalog: boolean }[];
};

export type DecisionProblem =
  | { code: 'DECISION_EMPTY' }
  | { code: 'DECISION_EFFECTIVE_BEFORE_SIGNED' }
  | { code: 'DECISION_PROCEDURE_UNKNOWN'; procedureCode: string };

/**
 * Why a decision cannot be published yet: it lists no procedure, takes effect before it was signed, or lists a
 * new or amended procedure the catalog does not hold (its page would not exist; an abolished one may be gone).
 */
export const findDecisionProblems = (decision: DecisionToPublish): DecisionProblem[] => {
  const problems: DecisionProblem[] = [];
  if (decision.items.length === 0) {
    problems.push({ code: 'DECISION_EMPTY' });
  }
  if (decision.effectiveOn !== null && decision.effectiveOn < decision.signedOn) {
    problems.push({ code: 'DECISION_EFFECTIVE_BEFORE_SIGNED' });
  }
  for (const item of decision.items) {
    if (!item.inCatalog && item.changeKind !== 'abolished') {
      problems.push({ code: 'DECISION_PROCEDURE_UNKNOWN', procedureCode: item.procedureCode });
    }
  }
  return problems;
};
