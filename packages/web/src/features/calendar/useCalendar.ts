import { api } from '../../api/client';
import type { ResponseOf } from '../../api/contract';
import type { CalendarEntry, CalendarPreview, HolidayYear } from '../../api/types';

/** The legal calendar's requests: a year's days off, its change log, and changing or publishing it. */

type Province = string | null | undefined;

export const fetchHolidayYear = (year: number, province: Province, signal?: AbortSignal) =>
  api.get<HolidayYear>('/api/v1/calendar/holidays', { year, province: province ?? undefined }, signal);

export const fetchCalendarChanges = (year: number, province: Province, signal?: AbortSignal) =>
  api.get<ResponseOf<'/api/v1/calendar/changes', 'get'>>(
    '/api/v1/calendar/changes',
    { province: province ?? undefined, year, pageSize: 50 },
    signal,
  );

/** What the entries would move: the due instants of open dossiers before and after. */
export const previewCalendarEntries = (province: Province, entries: CalendarEntry[]) =>
  api.post<CalendarPreview>('/api/v1/calendar/entries/preview', { province, entries });

export const applyCalendarEntries = (province: Province, entries: CalendarEntry[]) =>
  api.post<ResponseOf<'/api/v1/calendar/entries', 'post'>>('/api/v1/calendar/entries', { province, entries });

export const publishCalendarYear = (province: Province, year: number, source: string) =>
  api.post<void>('/api/v1/calendar/published-years', { province, year, source });
