/**
 * Editing a draft criteria set in the console: add, change, move or remove a node. After every edit the tree is
 * renumbered as published (siblings 1, 2, 3… under their parent's code), each node's kind follows its depth and
 * a parent's maximum is the sum of its children's (QĐ 876/QĐ-BNV: the điểm tối đa of an area or criterion is
 * the sum of its parts), so the editor cannot make the sums disagree. What stays for publication is checked by
 * checkCriteriaTree (leaves without a maximum, the set's total).
 */
import { compareCodes, PAR_UNIT_TAG_PATTERN, parentCodeOf } from './criteria-set.js';
import {
  PAR_NODE_KINDS,
  PAR_SYSTEM_MEASURES,
  type ParCriterion,
  type ParPoints,
  type ParSystemMeasure,
} from './types.js';

/** The fields of a node the editor may change (code, kind and position follow from where it is). */
export type ParCriterionFields = {
  title: string;
  maxPoints: ParPoints;
  scoringRule: string | null;
  evidenceRequired: string | null;
  surveyScored: boolean;
  systemMeasure: ParSystemMeasure | null;
  notApplicableTo: string[];
};

export type ParCriteriaEdit =
  | { kind: 'add'; parentCode: string | null; fields: ParCriterionFields }
  | { kind: 'update'; code: string; fields: Partial<ParCriterionFields> }
  | { kind: 'move'; code: string; parentCode: string | null; index: number }
  | { kind: 'delete'; code: string };

/** Why an edit cannot be made (stable codes). */
export type ParCriteriaEditRefusal = 'NODE_NOT_FOUND' | 'PARENT_NOT_FOUND' | 'TOO_DEEP' | 'INTO_ITSELF' | 'BAD_FIELD';

export type ParCriteriaEditResult =
  | {
      ok: true;
      tree: ParCriterion[] /** The edited node's code after renumbering (undefined: deleted). */;
      code?: string;
    }
  | { ok: false; refusal: ParCriteriaEditRefusal; field?: string };

type Branch = { node: ParCriterion; children: Branch[] };

const MAX_DEPTH = PAR_NODE_KINDS.length;

const toBranches = (tree: readonly ParCriterion[]): Branch[] => {
  const sorted = [...tree].sort((a, b) => compareCodes(a.code, b.code));
  const branches = new Map<string, Branch>();
  const roots: Branch[] = [];
  for (const node of sorted) {
    const branch: Branch = { node, children: [] };
    branches.set(node.code, branch);
    const parent = parentCodeOf(node.code);
    const holder = parent === null ? undefined : branches.get(parent);
    (holder ? holder.children : roots).push(branch);
  }
  return roots;
};

const depthOf = (branch: Branch): number => 1 + Math.max(0, ...branch.children.map(depthOf));

/** Codes, kinds, positions and parent maxima from the branches' order. */
const flatten = (roots: Branch[], marker?: Branch): { tree: ParCriterion[]; markerCode?: string } => {
  const tree: ParCriterion[] = [];
  let markerCode: string | undefined;
  const walk = (branches: Branch[], parentCode: string | null, depth: number): ParPoints => {
    let sum = 0;
    branches.forEach((branch, index) => {
      const code = parentCode === null ? String(index + 1) : `${parentCode}.${index + 1}`;
      const at = tree.length;
      tree.push({
        ...branch.node,
        code,
        parentCode,
        kind: PAR_NODE_KINDS[depth - 1] ?? 'component',
        position: index,
      });
      if (branch === marker) {
        markerCode = code;
      }
      if (branch.children.length > 0) {
        const childSum = walk(branch.children, code, depth + 1);
        tree[at] = { ...(tree[at] as ParCriterion), maxPoints: childSum, surveyScored: false, systemMeasure: null };
      }
      sum += (tree[at] as ParCriterion).maxPoints;
    });
    return sum;
  };
  walk(roots, null, 1);
  return markerCode === undefined ? { tree } : { tree, markerCode };
};

const findBranch = (roots: Branch[], code: string): { branch: Branch; siblings: Branch[] } | undefined => {
  for (const branch of roots) {
    if (branch.node.code === code) {
      return { branch, siblings: roots };
    }
    if (code.startsWith(`${branch.node.code}.`)) {
      return findBranch(branch.children, code);
    }
  }
  return undefined;
};

const levelOf = (code: string | null): number => (code === null ? 0 : code.split('.').length);

/** Checks the fields an editor sends: maxima not negative and in hundredths, known measures, well-formed tags. */
const badFieldOf = (fields: Partial<ParCriterionFields>): string | undefined => {
  if (fields.title !== undefined && (fields.title.trim() === '' || fields.title.length > 2000)) {
    return 'title';
  }
  if (fields.maxPoints !== undefined && (!Number.isInteger(fields.maxPoints) || fields.maxPoints < 0)) {
    return 'maxPoints';
  }
  if (fields.systemMeasure != null && !PAR_SYSTEM_MEASURES.includes(fields.systemMeasure)) {
    return 'systemMeasure';
  }
  if (fields.notApplicableTo?.some((tag) => !PAR_UNIT_TAG_PATTERN.test(tag))) {
    return 'notApplicableTo';
  }
  return undefined;
};

/** Applies one edit to a draft tree; the result is renumbered with parents summed (see the file's comment). */
export const applyCriteriaEdit = (tree: readonly ParCriterion[], edit: ParCriteriaEdit): ParCriteriaEditResult => {
  const roots = toBranches(tree);
  if (edit.kind === 'add' || edit.kind === 'update') {
    const field = badFieldOf(edit.fields);
    if (field !== undefined) {
      return { ok: false, refusal: 'BAD_FIELD', field };
    }
  }
  switch (edit.kind) {
    case 'add': {
      const holder = edit.parentCode === null ? undefined : findBranch(roots, edit.parentCode);
      if (edit.parentCode !== null && !holder) {
        return { ok: false, refusal: 'PARENT_NOT_FOUND' };
      }
      if (levelOf(edit.parentCode) + 1 > MAX_DEPTH) {
        return { ok: false, refusal: 'TOO_DEEP' };
      }
      const branch: Branch = {
        node: {
          code: '',
          parentCode: null,
          kind: 'area',
          position: 0,
          ...edit.fields,
          title: edit.fields.title.trim(),
          notApplicableTo: [...new Set(edit.fields.notApplicableTo)],
        },
        children: [],
      };
      (holder ? holder.branch.children : roots).push(branch);
      const { tree: next, markerCode } = flatten(roots, branch);
      return markerCode === undefined ? { ok: true, tree: next } : { ok: true, tree: next, code: markerCode };
    }
    case 'update': {
      const found = findBranch(roots, edit.code);
      if (!found) {
        return { ok: false, refusal: 'NODE_NOT_FOUND' };
      }
      const fields = { ...edit.fields };
      if (fields.title !== undefined) {
        fields.title = fields.title.trim();
      }
      if (fields.notApplicableTo !== undefined) {
        fields.notApplicableTo = [...new Set(fields.notApplicableTo)];
      }
      found.branch.node = { ...found.branch.node, ...fields };
      const { tree: next, markerCode } = flatten(roots, found.branch);
      return markerCode === undefined ? { ok: true, tree: next } : { ok: true, tree: next, code: markerCode };
    }
    case 'move': {
      const found = findBranch(roots, edit.code);
      if (!found) {
        return { ok: false, refusal: 'NODE_NOT_FOUND' };
      }
      if (edit.parentCode !== null && (edit.parentCode === edit.code || edit.parentCode.startsWith(`${edit.code}.`))) {
        return { ok: false, refusal: 'INTO_ITSELF' };
      }
      const holder = edit.parentCode === null ? undefined : findBranch(roots, edit.parentCode);
      if (edit.parentCode !== null && !holder) {
        return { ok: false, refusal: 'PARENT_NOT_FOUND' };
      }
      if (levelOf(edit.parentCode) + depthOf(found.branch) > MAX_DEPTH) {
        return { ok: false, refusal: 'TOO_DEEP' };
      }
      found.siblings.splice(found.siblings.indexOf(found.branch), 1);
      const target = holder ? holder.branch.children : roots;
      target.splice(Math.max(0, Math.min(edit.index, target.length)), 0, found.branch);
      const { tree: next, markerCode } = flatten(roots, found.branch);
      return markerCode === undefined ? { ok: true, tree: next } : { ok: true, tree: next, code: markerCode };
    }
    case 'delete': {
      const found = findBranch(roots, edit.code);
      if (!found) {
        return { ok: false, refusal: 'NODE_NOT_FOUND' };
      }
      found.siblings.splice(found.siblings.indexOf(found.branch), 1);
      return { ok: true, tree: flatten(roots).tree };
    }
  }
};
