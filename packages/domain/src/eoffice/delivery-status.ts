import type { DeliveryStatus } from './vocabulary.js';

/**
 * Which status a recipient may report after which (QĐ 28/2018/QĐ-TTg; QCVN 102:2016/BTTTT status messages
 * [RECALL]): a delivered document is received (registered by the clerk) or refused (returned as wrong,
 * Decree 30/2020 Art. 21(2)(b)); a received one is assigned, then in progress, then done. A status may skip
 * ahead (a document directed and finished at once reports 'done' after 'received') but never goes back,
 * and nothing follows 'refused' or 'done'.
 */
const ORDER: Record<DeliveryStatus, number> = {
  delivered: 0,
  received: 1,
  refused: 1,
  assigned: 2,
  in_progress: 3,
  done: 4,
};

export const canReportDeliveryStatus = (from: DeliveryStatus, to: DeliveryStatus): boolean => {
  if (from === 'refused' || from === 'done') {
    return false;
  }
  if (to === 'refused') {
    return from === 'delivered';
  }
  if (from === 'delivered') {
    return to === 'received';
  }
  return ORDER[to] > ORDER[from];
};
