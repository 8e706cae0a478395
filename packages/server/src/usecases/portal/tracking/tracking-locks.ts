import type { DatabaseHandle } from '@motcua/db';

/** At most this many locked keys are remembered per process; past it the oldest are forgotten. */
const MAX_REMEMBERED = 50_000;

/**
 * The throttle keys this process has seen locked, with when each lock ends (epoch ms). A cache of the
 * counters in the database, never a counter of its own: it is filled only from a counter read or written
 * in the database and forgets a key exactly when the database's window ends, so a lookup it refuses would
 * have been refused by the database too. It spares a locked key's flood every statement; forgetting a key
 * early (a restart, the size bound) only sends its next lookup back to the database.
 */
export type TrackingLocks = {
  /** The end of the latest lock among `keys` still in force at `now`, if any. */
  findLockedUntil: (keys: readonly string[], now: number) => number | undefined;
  remember: (key: string, lockedUntil: number, now: number) => void;
};

const createTrackingLocks = (): TrackingLocks => {
  const locks = new Map<string, number>();
  return {
    findLockedUntil: (keys, now) => {
      let until: number | undefined;
      for (const key of keys) {
        const end = locks.get(key);
        if (end === undefined) {
          continue;
        }
        if (end <= now) {
          locks.delete(key);
        } else if (until === undefined || end > until) {
          until = end;
        }
      }
      return until;
    },
    remember: (key, lockedUntil, now) => {
      if (locks.size >= MAX_REMEMBERED) {
        for (const [known, end] of locks) {
          if (end <= now) {
            locks.delete(known);
          }
        }
        // Still full: forget the oldest entries (Map keeps insertion order).
        for (const known of locks.keys()) {
          if (locks.size < MAX_REMEMBERED) {
            break;
          }
          locks.delete(known);
        }
      }
      locks.delete(key);
      locks.set(key, lockedUntil);
    },
  };
};

const byDatabase = new WeakMap<DatabaseHandle, TrackingLocks>();

/** The lock cache of this process for one database (each test app has its own). */
export const getTrackingLocks = (database: DatabaseHandle): TrackingLocks => {
  let locks = byDatabase.get(database);
  if (!locks) {
    locks = createTrackingLocks();
    byDatabase.set(database, locks);
  }
  return locks;
};
