import { createHash } from 'node:crypto';
import { insertWorkNotices, listDvcqgBacklogAges, listIntegrationManagerIds } from '@motcua/db';
import { computeSyncLagMinutes, isBacklogAlerting, ROLE_DEFINITIONS } from '@motcua/domain';
import type { AppContext } from '../../../context.js';

/** The roles that manage the integration (integration.manage): who is told when the backlog ages. */
const MANAGER_ROLES = Object.entries(ROLE_DEFINITIONS)
  .filter(([, definition]) => (definition.actions as readonly string[]).includes('integration.manage'))
  .map(([role]) => role);

/** A stable record id for a province's connection (work_notice.record_id is a uuid; the setting's key is a code). */
export const dvcqgRecordIdOf = (provinceCode: string): string => {
  const hex = createHash('sha256').update(`dvcqg-setting:${provinceCode}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
};

/**
 * The backlog alert (issue 21 item 2): in every province whose sync is on and whose oldest change still waiting is
 * older than its backlog_alert_minutes, each integration manager gets one in-app notice per hour (work_notice,
 * dedupe key 'dvcqg-backlog:<province>:<UTC hour>'), so a re-run or a second process writes nothing new. Run every
 * few minutes by jobs/workers.ts; answers how many notices were new.
 */
export const runDvcqgBacklogAlerts = async (ctx: AppContext, input: { now?: Date } = {}): Promise<number> => {
  const now = input.now ?? ctx.clock.now();
  const hour = now.toISOString().slice(0, 13);
  let written = 0;
  for (const province of await listDvcqgBacklogAges(ctx.db)) {
    const oldest = province.oldestPendingSince?.getTime() ?? null;
    if (!isBacklogAlerting(oldest, now.getTime(), province.backlogAlertMinutes)) {
      continue;
    }
    const lag = computeSyncLagMinutes(oldest, now.getTime());
    const managers = await listIntegrationManagerIds(ctx.db, {
      provinceCode: province.provinceCode,
      roles: MANAGER_ROLES,
    });
    written += await insertWorkNotices(
      ctx.db,
      managers.map((userId) => ({
        provinceCode: province.provinceCode,
        userId,
        kind: 'dvcqg-backlog',
        recordKind: 'dvcqg_setting',
        recordId: dvcqgRecordIdOf(province.provinceCode),
        dedupeKey: `dvcqg-backlog:${province.provinceCode}:${hour}`,
        title: `Đồng bộ Cổng DVCQG chậm: ${province.pending} hồ sơ chờ gửi, thay đổi cũ nhất đã chờ ${lag} phút`,
        body: `Ngưỡng cảnh báo của tỉnh: ${province.backlogAlertMinutes} phút. Xem Giám sát đồng bộ (/can-bo/tich-hop/dvcqg).`,
      })),
    );
  }
  return written;
};
