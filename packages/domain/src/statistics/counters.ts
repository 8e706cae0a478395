/**
 * The flows the statistics are built from. Every figure of the official report (carried over,
 * received, resolved early / on time / late, in progress not yet due / overdue, returned,
 * withdrawn, stopped, refused) is a sum of these counters over a range of days: a flow counts what
 * happened on a day, and a stock (what was open at the end of a day) is the running sum of the
 * flows in and out of it up to that day. Counting flows only is what lets the aggregates be kept
 * up to date by adding and subtracting (see contributions.ts), at any size.
 */
export const STATISTICS_COUNTERS = [
  /** Received (the legal clock started; Mẫu 01 issued) on the day. */
  'received',
  /** Of those, dossiers with at least one component taken from a database instead of paper. */
  'receivedFromData',
  /** Resolved (result ready, DVCQG status 9) on the day, by completion class. */
  'resolvedEarly',
  'resolvedOnTime',
  'resolvedLate',
  /** Resolved, for a procedure without a published time limit (nothing to be early or late against). */
  'resolvedNoDeadline',
  /** Result handed over to the applicant (DVCQG status 10) on the day. */
  'returned',
  /** Withdrawn at the applicant's request (status 7), stopped (8), refused (3) on the day. */
  'withdrawn',
  'stopped',
  'refused',
  /** Of the withdrawn, stopped and refused: those that had been received (they leave the open stock). */
  'closedAfterReceipt',
  /** An open dossier passed its legal due day without a result (it enters the overdue stock) … */
  'overdueIn',
  /** … and left the overdue stock (resolved late, withdrawn or stopped) on a later day. */
  'overdueOut',
] as const;

export type StatisticsCounter = (typeof STATISTICS_COUNTERS)[number];

export type CounterValues = Record<StatisticsCounter, number>;

export const createZeroCounters = (): CounterValues => ({
  received: 0,
  receivedFromData: 0,
  resolvedEarly: 0,
  resolvedOnTime: 0,
  resolvedLate: 0,
  resolvedNoDeadline: 0,
  returned: 0,
  withdrawn: 0,
  stopped: 0,
  refused: 0,
  closedAfterReceipt: 0,
  overdueIn: 0,
  overdueOut: 0,
});

/** The SQL column of each counter (stat_day / stat_month). */
export const COUNTER_COLUMNS: Record<StatisticsCounter, string> = {
  received: 'received',
  receivedFromData: 'received_from_data',
  resolvedEarly: 'resolved_early',
  resolvedOnTime: 'resolved_on_time',
  resolvedLate: 'resolved_late',
  resolvedNoDeadline: 'resolved_no_deadline',
  returned: 'returned',
  withdrawn: 'withdrawn',
  stopped: 'stopped',
  refused: 'refused',
  closedAfterReceipt: 'closed_after_receipt',
  overdueIn: 'overdue_in',
  overdueOut: 'overdue_out',
};
