import {
  insertProcedureDecision,
  listCatalogProceduresByCodes,
  type NewProcedureDecisionItem,
  publishProcedureDecisionRow,
  replaceProcedureDecisionItems,
} from '@motcua/db';
import { addDays, type ProcedureChangeKind, toLocalDate } from '@motcua/domain';
import type { AppContext } from '../context.js';

/** The demo decision's number: "-DEMO" says it is not a real decision of the province. */
export const DEMO_DECISION_NUMBER = '9001/QĐ-UBND-DEMO';

/**
 * Real procedures of the demo catalog (the civil-status ones the demo province adopted) and one national procedure
 * it did not adopt, shown as abolished: its page stays readable as history.
 */
const DEMO_DECISION_ITEMS: readonly { catalog: string; code: string; kind: ProcedureChangeKind }[] = [
  { catalog: '33', code: '1.001193', kind: 'new' },
  { catalog: '33', code: '1.000656', kind: 'amended' },
  { catalog: '33', code: '1.000894', kind: 'amended' },
  { catalog: 'national', code: '1.000593', kind: 'abolished' },
];

/**
 * One published decision of the demo province announcing catalog changes, signed a month ago — labelled demo in
 * its number and title. Idempotent: a demo that has it is left alone.
 */
export const seedDemoProcedureDecision = async (ctx: AppContext, provinceCode: string): Promise<void> => {
  const today = toLocalDate(ctx.clock.now().getTime());
  await ctx.db.transaction().execute(async (trx) => {
    const decision = await insertProcedureDecision(trx, {
      provinceCode,
      number: DEMO_DECISION_NUMBER,
      signedOn: addDays(today, -30),
      effectiveOn: addDays(today, -25),
      title:
        'Công bố danh mục thủ tục hành chính mới ban hành, sửa đổi, bổ sung và bị bãi bỏ trong lĩnh vực hộ tịch thuộc thẩm quyền giải quyết của Ủy ban nhân dân cấp xã (dữ liệu minh họa)',
      signer: 'Chủ tịch Ủy ban nhân dân tỉnh',
      importId: null,
      createdBy: null,
    });
    if (!decision) {
      return;
    }
    const items: NewProcedureDecisionItem[] = [];
    for (const spec of DEMO_DECISION_ITEMS) {
      const [procedure] = await listCatalogProceduresByCodes(trx, { catalog: spec.catalog, codes: [spec.code] });
      if (!procedure) {
        continue;
      }
      items.push({
        catalog: procedure.catalog,
        procedureCode: procedure.code,
        procedureName: procedure.name,
        changeKind: spec.kind,
        procedureId: procedure.id,
        procedureVersionId: spec.kind === 'abolished' ? null : procedure.currentVersionId,
      });
    }
    await replaceProcedureDecisionItems(trx, { decisionId: decision.id, provinceCode, items });
    await publishProcedureDecisionRow(trx, {
      id: decision.id,
      version: decision.version,
      now: ctx.clock.now(),
      publishedBy: null,
    });
  });
};
