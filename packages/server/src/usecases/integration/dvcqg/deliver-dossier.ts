import {
  advanceDvcqgSync,
  type DvcqgSyncRow,
  insertDvcqgSyncLog,
  markDvcqgDossierMessageAccepted,
  markDvcqgRemoteExists,
  parkDvcqgSync,
  recordDvcqgSyncFailure,
  releaseDvcqgSyncLease,
} from '@motcua/db';
import {
  buildDossierRecord,
  buildProgressRecord,
  type DvcqgDossierRecord,
  type DvcqgProgressRecord,
  maskDvcqgMessage,
} from '@motcua/domain';
import type { AppContext } from '../../../context.js';
import { publicUrlOf } from '../../provinces/province-site.js';
import { type BackoffSettings, computeRetryDelayMs } from './backoff.js';
import { loadDossierSyncInput } from './sync-input.js';

/** A message of the dossier sync as the worker writes it (the client adds session and madonvi). */
export type DvcqgSyncMessage =
  | { service: 'DongBoHoSoMC'; isUpdating: boolean; data: DvcqgDossierRecord[] }
  | { service: 'CapNhatTienDoHoSoMC'; data: DvcqgProgressRecord[] }
  | { service: 'TraCuuHoSo'; MaHoSo: string };

/** What one call to the portal came to (the HTTP client's result, integration/dvcqg/client.ts). */
export type DvcqgSendResult = {
  outcome: 'accepted' | 'rejected' | 'failed';
  /** The client's finer reason; 'already-exists' when an add found the dossier there. */
  reason?: string;
  errorCode: string | null;
  message: string | null;
  durationMs: number;
  /** The portal's answer as JSON, when it gave one (TraCuuHoSo's dossier and progress). */
  reply?: Record<string, unknown> | null;
};

export type DvcqgSender = { call: (request: DvcqgSyncMessage) => Promise<DvcqgSendResult> };

export type DeliverySettings = { leaseSeconds: number; backoff: BackoffSettings; random?: () => number };

/**
 * The portal answered an add (isUpdating = false) that it already holds the dossier: the add of an earlier
 * attempt reached it although its answer did not reach us (a timeout). regulations.md §7: "đã tồn tại" → update.
 */
const isAlreadyExists = (result: DvcqgSendResult): boolean =>
  result.reason === 'already-exists' || /đã tồn tại|already exists/iu.test(result.message ?? '');

/**
 * Whether the portal already holds this progress record, asked with TraCuuHoSo before a progress message whose
 * earlier attempt may have reached it (its answer lost to a timeout or a crash). The portal's answer shape is not
 * documented; the simulator answers `{ data, progress: [...] }` [INF]. Without a readable answer: not known, and
 * the message is sent again (at least once rather than lost).
 */
const isProgressHeld = async (sender: DvcqgSender, record: DvcqgProgressRecord): Promise<boolean> => {
  try {
    const lookup = await sender.call({ service: 'TraCuuHoSo', MaHoSo: record.MaHoSo });
    const held = lookup.outcome === 'accepted' ? lookup.reply?.progress : undefined;
    return (
      Array.isArray(held) &&
      held.some(
        (p: Partial<DvcqgProgressRecord>) =>
          p.ThoiDiemXuLy === record.ThoiDiemXuLy &&
          p.TrangThai === record.TrangThai &&
          p.NoiDungXuLy === record.NoiDungXuLy,
      )
    );
  } catch {
    return false;
  }
};

export type DeliveryOutcome = 'synced' | 'more' | 'failed' | 'parked' | 'lost-lease' | 'stopped' | 'gone';

/**
 * Delivers one leased dossier's events delivered_seq + 1 … target_seq strictly in order. For each event: the dossier
 * message (DongBoHoSoMC; an update once the portal holds the dossier) then, once it is accepted, the progress
 * message (CapNhatTienDoHoSoMC); the cursor moves after both (reform-and-eoffice.md §F, OpenCPS's call order).
 * An add answered "đã tồn tại" is sent again as an update, never as a second add. A failure (network, timeout,
 * unavailable) schedules a retry with backoff and gives the lease back; a rejection parks the dossier with the
 * portal's answer. Every attempt is one dvcqg_sync_log row (request masked). Each cursor change is guarded by
 * the lease token: once another worker took the row over (our lease expired), nothing of ours moves it.
 */
export const deliverDossier = async (
  ctx: AppContext,
  input: {
    row: DvcqgSyncRow;
    sender: DvcqgSender;
    agencyCodes: Readonly<Record<string, string>>;
    settings: DeliverySettings;
    stopping?: AbortSignal;
  },
): Promise<DeliveryOutcome> => {
  const { row, sender, settings } = input;
  const token = row.leaseToken;
  if (!token) {
    return 'lost-lease';
  }
  const lease = { dossierId: row.dossierId, leaseToken: token, leaseSeconds: settings.leaseSeconds };
  const sync = await loadDossierSyncInput(ctx.db, {
    dossierId: row.dossierId,
    uptoSeq: row.targetSeq,
    agencyCodes: input.agencyCodes,
    // The result links the national portal shows point to the verification page of the dossier's own province.
    publicUrl: await publicUrlOf(ctx, row.provinceCode),
  });
  if (!sync) {
    await releaseDvcqgSyncLease(ctx.db, lease);
    return 'gone';
  }
  const lastSeq = Math.min(row.targetSeq, sync.events.at(-1)?.seq ?? 0);
  let seq = row.deliveredSeq + 1;
  let dossierAccepted = row.dossierMessageAccepted;
  let remoteExists = row.remoteExists;
  let addRefusedAsExisting = false;
  // Failed attempts at the current event (the row's count until an event is accepted in this lease).
  let attempts = row.attempts;
  // The row was left between its two messages (a failure or a crash after the dossier message was accepted): its
  // progress message may have reached the portal already — ask before sending it again.
  let progressMayBeHeld = row.dossierMessageAccepted;

  const fail = async (result: DvcqgSendResult) => {
    const delayMs = computeRetryDelayMs(attempts + 1, settings.backoff, settings.random);
    await recordDvcqgSyncFailure(ctx.db, {
      ...lease,
      retryInSeconds: delayMs / 1000,
      errorCode: result.errorCode ?? result.reason ?? null,
      message: result.message ?? result.reason ?? 'failed',
    });
  };
  const send = async (message: DvcqgSyncMessage, eventAt: Date, eventSeq: number): Promise<DvcqgSendResult> => {
    let result: DvcqgSendResult;
    try {
      result = await sender.call(message);
    } catch (error) {
      result = { outcome: 'failed', errorCode: null, message: String(error), durationMs: 0 };
    }
    if (message.service === 'TraCuuHoSo') {
      return result;
    }
    await insertDvcqgSyncLog(ctx.db, {
      provinceCode: row.provinceCode,
      dossierId: row.dossierId,
      eventSeq,
      eventAt,
      service: message.service,
      isUpdating: message.service === 'DongBoHoSoMC' ? message.isUpdating : null,
      outcome: result.outcome,
      errorCode: result.errorCode,
      message: result.message?.slice(0, 2000) ?? null,
      durationMs: Math.max(0, Math.round(result.durationMs)),
      request: maskDvcqgMessage(message),
    });
    return result;
  };

  while (seq <= lastSeq) {
    if (input.stopping?.aborted) {
      await releaseDvcqgSyncLease(ctx.db, lease);
      return 'stopped';
    }
    const event = sync.events.find((e) => e.seq === seq);
    if (!event) {
      break;
    }
    const eventAt = new Date(event.at);
    if (!dossierAccepted) {
      const isUpdating = remoteExists;
      const result = await send(
        { service: 'DongBoHoSoMC', isUpdating, data: [buildDossierRecord(sync, seq)] },
        eventAt,
        seq,
      );
      if (result.outcome !== 'accepted' && !isUpdating && !addRefusedAsExisting && isAlreadyExists(result)) {
        // The portal holds it already: the same change goes again as an update (never a second add).
        addRefusedAsExisting = true;
        if (!(await markDvcqgRemoteExists(ctx.db, lease))) {
          return 'lost-lease';
        }
        remoteExists = true;
        continue;
      }
      if (result.outcome === 'rejected') {
        await parkDvcqgSync(ctx.db, { ...lease, errorCode: result.errorCode, message: result.message ?? 'rejected' });
        return 'parked';
      }
      if (result.outcome === 'failed') {
        await fail(result);
        return 'failed';
      }
      if (!(await markDvcqgDossierMessageAccepted(ctx.db, { ...lease, seq }))) {
        return 'lost-lease';
      }
      dossierAccepted = true;
      remoteExists = true;
    }
    const progressRecord = buildProgressRecord(sync, seq);
    const alreadyHeld = progressMayBeHeld && (await isProgressHeld(sender, progressRecord));
    progressMayBeHeld = false;
    const progress: DvcqgSendResult = alreadyHeld
      ? { outcome: 'accepted', errorCode: null, message: null, durationMs: 0 }
      : await send({ service: 'CapNhatTienDoHoSoMC', data: [progressRecord] }, eventAt, seq);
    if (progress.outcome === 'rejected') {
      await parkDvcqgSync(ctx.db, { ...lease, errorCode: progress.errorCode, message: progress.message ?? 'rejected' });
      return 'parked';
    }
    if (progress.outcome === 'failed') {
      await fail(progress);
      return 'failed';
    }
    if (!(await advanceDvcqgSync(ctx.db, { ...lease, seq }))) {
      return 'lost-lease';
    }
    seq += 1;
    attempts = 0;
    dossierAccepted = false;
    addRefusedAsExisting = false;
  }
  // The target may have moved on while we delivered: the row stays pending (due now) for the next poll.
  await releaseDvcqgSyncLease(ctx.db, lease);
  return seq > row.targetSeq ? 'synced' : 'more';
};
