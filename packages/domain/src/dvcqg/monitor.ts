/**
 * The province's view of its sync to the national public-service portal (issue 21 item 2) and the Decision 766
 * indicator it feeds. Pure: instants and counts in, figures out.
 *
 * Decision 766/QĐ-TTg, group "Công khai, minh bạch", indicator 4 "Tỷ lệ hồ sơ được đồng bộ trạng thái theo thời
 * gian thực với Cổng DVCQG" (6 points) = dossiers synced on time / dossiers received, in process or returned in
 * the period (../shared/spec/regulations.md §4, reform-and-eoffice.md §F). What "on time" means was not found in
 * any source [SEC: "not found"], so motcua's rule — documented in docs/integration.md — is:
 *
 * - a change of a dossier (one dossier_event) is synced on time when the portal accepted both messages
 *   (DongBoHoSoMC and CapNhatTienDoHoSoMC) of that change or of a later one of the same dossier within the
 *   province's `on_time_minutes` of the change (a later state carries the earlier one: the portal then holds it);
 * - a dossier is synced on time in the period when every change it had in the period was; one without a change in
 *   the period counts when the portal had accepted its latest state by the end of the period.
 */

/** Decision 766 indicator 4's maximum. */
export const DOSSIER_SYNC_INDICATOR_MAX = 6;

/** The counts behind indicator 4 for one unit and period, as read from the sync log. */
export type DossierSyncCounts = {
  /** Dossiers received, in process or returned in the period (the base). */
  base: number;
  /** Of them, those synced on time (the rule above). */
  syncedOnTime: number;
  /** The province's rule: minutes after a change within which the portal must have accepted it. */
  onTimeMinutes: number;
};

/** numerator / base of the indicator (the numerator never exceeds the base). */
export const computeDossierSyncRatio = (counts: DossierSyncCounts): { numerator: number; base: number } => ({
  numerator: Math.min(Math.max(0, counts.syncedOnTime), Math.max(0, counts.base)),
  base: Math.max(0, counts.base),
});

/**
 * The indicator's points: 6 × synced on time / base, rounded to 2 decimals; null without a base (nothing to
 * score, nothing guessed). Reproducible from the two counts shown beside it.
 */
export const computeDossierSyncPoints = (counts: DossierSyncCounts): number | null => {
  const { numerator, base } = computeDossierSyncRatio(counts);
  if (base === 0) {
    return null;
  }
  return Math.round(((DOSSIER_SYNC_INDICATOR_MAX * numerator) / base) * 100) / 100;
};

/** "trong 1440 phút (1 ngày)": the rule as the index page and the report say it. */
export const describeOnTimeRule = (onTimeMinutes: number): { vi: string; en: string } => {
  const days = onTimeMinutes % 1440 === 0 ? onTimeMinutes / 1440 : null;
  const hours = days === null && onTimeMinutes % 60 === 0 ? onTimeMinutes / 60 : null;
  const vi = days !== null ? `${days} ngày` : hours !== null ? `${hours} giờ` : `${onTimeMinutes} phút`;
  const en =
    days !== null
      ? `${days} day${days === 1 ? '' : 's'}`
      : hours !== null
        ? `${hours} hour${hours === 1 ? '' : 's'}`
        : `${onTimeMinutes} minute${onTimeMinutes === 1 ? '' : 's'}`;
  return {
    vi: `Đúng hạn: mọi thay đổi của hồ sơ trong kỳ được Cổng DVCQG chấp nhận (cả DongBoHoSoMC và CapNhatTienDoHoSoMC) trong vòng ${vi} kể từ khi thay đổi — quy tắc của motcua, thiết lập theo tỉnh, vì chưa tìm thấy quy định quốc gia.`,
    en: `On time: every change of the dossier in the period accepted by the national portal (both DongBoHoSoMC and CapNhatTienDoHoSoMC) within ${en} of the change — motcua's rule, a province setting, as the national rule was not found.`,
  };
};

/** The lag: how long the oldest change not yet accepted has waited, in whole minutes (0 when none waits). */
export const computeSyncLagMinutes = (oldestPendingSince: number | null, now: number): number =>
  oldestPendingSince === null ? 0 : Math.max(0, Math.floor((now - oldestPendingSince) / 60_000));

/** Whether the backlog has aged past the province's alert threshold. */
export const isBacklogAlerting = (oldestPendingSince: number | null, now: number, backlogAlertMinutes: number) =>
  oldestPendingSince !== null && computeSyncLagMinutes(oldestPendingSince, now) >= backlogAlertMinutes;

/**
 * Re-send: deliver the dossier's latest state again as an update. The cursor goes back so that the next event to
 * deliver is the latest one (delivered_seq = least(delivered_seq, latest − 1)), the target is at least the latest
 * event, and the row is pending with no failed attempt. Idempotent: a second re-send leaves the same cursor.
 */
export const planResend = (
  cursor: { targetSeq: number; deliveredSeq: number; dossierMessageAccepted: boolean } | null,
  latestSeq: number,
): { targetSeq: number; deliveredSeq: number; dossierMessageAccepted: boolean } => {
  const targetSeq = Math.max(cursor?.targetSeq ?? latestSeq, latestSeq);
  const deliveredSeq = Math.min(cursor?.deliveredSeq ?? latestSeq - 1, latestSeq - 1);
  const moved = cursor === null || deliveredSeq < cursor.deliveredSeq;
  return { targetSeq, deliveredSeq, dossierMessageAccepted: moved ? false : (cursor?.dossierMessageAccepted ?? false) };
};
