-- 0042 Work calendars (issue 20 item 1): the units (phòng, ban) taking part in a meeting, chosen from the agency's
-- tree as the preparing unit is, besides the officials (schedule_attendee) and the loose text (participants_text).
-- Ids of agency rows; checked to exist by the use-case when written (an array has no foreign key), shown with
-- their names on the calendar, the print, the portal and the iCalendar feed.
alter table schedule_entry add column participant_unit_ids uuid[] not null default '{}';

comment on column schedule_entry.participant_unit_ids is
  'Units (agency ids) taking part in the entry, chosen from the agency''s tree; officials are in schedule_attendee.';
