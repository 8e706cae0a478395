/**
 * Stable error codes of the calendar module. The server maps each code to a Vietnamese and an
 * English problem+json message, so the codes (and the keys of `params`) are part of the API:
 * never rename one, only add.
 */
export type CalendarErrorCode =
  | 'INVALID_DATE'
  | 'INVALID_INSTANT'
  | 'INVALID_TIME'
  | 'OUT_OF_RANGE'
  | 'INVALID_DURATION'
  | 'INVALID_WORKING_HOURS'
  | 'INVALID_TIME_ZONE'
  | 'INVALID_LUNAR_DATE'
  | 'LUNAR_DATE_NOT_FOUND'
  | 'INVALID_SCHEDULE_ENTRY'
  | 'NOT_A_WORKING_DAY'
  | 'INVALID_PAUSE';

export type CalendarErrorParams = Readonly<Record<string, string | number | boolean | null>>;

/** The only error type thrown by the calendar module for bad input. */
export class CalendarError extends Error {
  override name = 'CalendarError';
  readonly code: CalendarErrorCode;
  readonly params: CalendarErrorParams;

  constructor(code: CalendarErrorCode, message: string, params: CalendarErrorParams = {}) {
    super(message);
    this.code = code;
    this.params = params;
  }
}
