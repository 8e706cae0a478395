import type { DayKind, ScheduleStatus } from '@motcua/domain';
import type { Generated } from 'kysely';
import type { GeneratedTimestamp, Timestamp } from './foundation.js';

export type CalendarEntryTable = {
  id: Generated<number>;
  scope: string;
  date: string;
  action: 'set' | 'remove';
  kind: DayKind | null;
  period: string | null;
  status: ScheduleStatus | null;
  source: string | null;
  note: string | null;
  createdBy: string | null;
  createdAt: GeneratedTimestamp;
  supersededAt: Timestamp | null;
  supersededBy: number | null;
};

export type CalendarPublishedYearTable = {
  scope: string;
  year: number;
  source: string;
  createdBy: string | null;
  createdAt: GeneratedTimestamp;
};

export type CalendarRevisionTable = {
  scope: string;
  revision: Generated<number>;
  updatedAt: GeneratedTimestamp;
};

export type CalendarTables = {
  calendarEntry: CalendarEntryTable;
  calendarPublishedYear: CalendarPublishedYearTable;
  calendarRevision: CalendarRevisionTable;
};
