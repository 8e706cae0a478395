import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canReportDeliveryStatus } from './delivery-status.js';
import { DELIVERY_STATUSES, type DeliveryStatus } from './vocabulary.js';

describe('status messages back to the sender (QCVN 102:2016)', () => {
  it('follows delivered → received|refused → assigned → in progress → done', () => {
    expect(canReportDeliveryStatus('delivered', 'received')).toBe(true);
    expect(canReportDeliveryStatus('delivered', 'refused')).toBe(true);
    expect(canReportDeliveryStatus('delivered', 'assigned')).toBe(false);
    expect(canReportDeliveryStatus('received', 'assigned')).toBe(true);
    expect(canReportDeliveryStatus('received', 'done')).toBe(true);
    expect(canReportDeliveryStatus('received', 'refused')).toBe(false);
    expect(canReportDeliveryStatus('assigned', 'in_progress')).toBe(true);
    expect(canReportDeliveryStatus('in_progress', 'done')).toBe(true);
  });

  it('never goes back, never repeats, and ends at refused or done', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...DELIVERY_STATUSES), { maxLength: 12 }), (steps) => {
        let current: DeliveryStatus = 'delivered';
        const seen: DeliveryStatus[] = [current];
        for (const next of steps) {
          if (canReportDeliveryStatus(current, next)) {
            current = next;
            seen.push(next);
          }
        }
        expect(new Set(seen).size).toBe(seen.length);
        if (seen.includes('refused')) {
          expect(seen).toEqual(['delivered', 'refused']);
        }
        for (const status of DELIVERY_STATUSES) {
          if (current === 'done' || current === 'refused') {
            expect(canReportDeliveryStatus(current, status)).toBe(false);
          }
        }
      }),
    );
  });
});
