import { type Database, findProcedureVersion, loadDossierForSync } from '@motcua/db';
import {
  buildFeeCharges,
  type DossierStatus,
  type DossierSyncInput,
  type SyncApplicant,
  type SyncEvent,
} from '@motcua/domain';
import type { Kysely } from 'kysely';

type EventPayload = {
  dueAfter?: number | null;
  params?: { reason?: string; missing?: string[] };
  missing?: string[];
  results?: { name: string; documentNo?: string; documentId?: string }[];
};

const stringOrUndefined = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

const applicantOf = (json: Record<string, unknown>): SyncApplicant =>
  json.kind === 'organisation'
    ? {
        kind: 'organisation',
        name: String(json.name ?? ''),
        taxCode: String(json.taxCode ?? ''),
        phone: stringOrUndefined(json.phone),
        email: stringOrUndefined(json.email),
      }
    : {
        kind: 'person',
        fullName: String(json.fullName ?? ''),
        idNumber: String(json.idNumber ?? ''),
        phone: stringOrUndefined(json.phone),
        email: stringOrUndefined(json.email),
      };

/**
 * Reads what the national portal's messages of one dossier are built from (events 1..uptoSeq), in the shape of
 * the domain's pure mapping (packages/domain/src/dvcqg/dossier-message.ts). Undefined when the dossier is gone.
 * - MaDonVi is the province's national code for the receiving agency (dvcqg_setting.agency_codes), else its code;
 * - result documents link to the public verification page (/v/<id>), which anyone holding the link may open;
 *   component files are not public (the portal's digitised-file store is a separate service), so they are sent
 *   with their name and the digitised flag only;
 * - fees are the dossier's charges as its fee account counts them (published fixed fees of a counter dossier and
 *   every payment request, each from the event that asked it).
 */
export const loadDossierSyncInput = async (
  db: Kysely<Database>,
  input: { dossierId: string; uptoSeq: number; agencyCodes: Readonly<Record<string, string>>; publicUrl: string },
): Promise<DossierSyncInput | undefined> => {
  const loaded = await loadDossierForSync(db, input);
  if (!loaded) {
    return undefined;
  }
  const { dossier, events, steps, documents } = loaded;
  const version = await findProcedureVersion(db, dossier.procedureVersionId);
  const paymentRequests = events
    .filter((event) => event.action === 'request_payment')
    .map((event) => {
      const params = ((event.payload ?? {}) as { params?: { amountVnd?: unknown; reason?: unknown } }).params ?? {};
      return {
        seq: event.seq,
        amountVnd: typeof params.amountVnd === 'number' ? params.amountVnd : 0,
        reason: typeof params.reason === 'string' ? params.reason : 'Nghĩa vụ tài chính',
      };
    });
  const { charges } = buildFeeCharges({
    channels: version?.content.channels ?? [],
    channel: dossier.channel,
    paymentRequests,
  });
  const componentFiles = new Map<string, { name: string; url: string }>();
  for (const document of documents) {
    if (document.kind === 'component' && document.componentKey && document.fileSha256) {
      componentFiles.set(document.componentKey, { name: document.name, url: '' });
    }
  }
  const resultUrls = Object.fromEntries(
    documents.filter((d) => d.kind === 'result').map((d) => [d.id, `${input.publicUrl}/v/${d.id}`]),
  );
  return {
    code: dossier.code,
    procedureCode: dossier.procedureCode,
    procedureName: dossier.procedureName,
    // Without a field code the portal refuses the message: the dossier is parked with its answer, visibly.
    fieldCode: dossier.fieldCode ?? version?.content.field.code ?? '',
    fieldName: dossier.fieldName,
    channel: dossier.channel,
    applicant: applicantOf(dossier.applicant),
    vneidVerified: dossier.citizenSource === 'vneid',
    summary: dossier.summary,
    agencyCode: input.agencyCodes[dossier.receivingAgencyId] ?? dossier.agencyCode,
    createdAt: dossier.createdAt.getTime(),
    components: dossier.components.map((component) => ({
      key: component.key,
      name: component.name,
      fromData: component.fromData,
      file: componentFiles.get(component.key),
    })),
    fees: charges.map((charge) => ({
      name: charge.name,
      code: charge.key,
      kind: charge.kind,
      amountVnd: charge.amountVnd,
      requestSeq: charge.requestSeq,
      collection: charge.source === 'request' && dossier.channel === 'online' ? 'online' : 'counter',
    })),
    paidOnline: loaded.paidOnline,
    resultUrls,
    steps: steps.map((step) => ({
      stepNo: step.stepNo,
      name: step.name,
      agencyName: step.agencyName,
      givenAt: step.givenAt?.getTime() ?? null,
      dueAt: step.dueAt?.getTime() ?? null,
    })),
    events: events.map((event): SyncEvent => {
      const payload = (event.payload ?? {}) as EventPayload;
      return {
        seq: event.seq,
        at: event.at.getTime(),
        action: event.action,
        fromStatus: (event.fromStatus as DossierStatus | null) ?? null,
        toStatus: event.toStatus as DossierStatus,
        actorKind: event.actorKind,
        actorName: event.actorName ?? null,
        actorRole: event.actorRole,
        agencyName: event.agencyName ?? null,
        note: event.note,
        dueAfter: typeof payload.dueAfter === 'number' ? payload.dueAfter : null,
        reason: payload.params?.reason ?? null,
        missing: payload.params?.missing ?? payload.missing ?? [],
        results: payload.results ?? [],
      };
    }),
  };
};
