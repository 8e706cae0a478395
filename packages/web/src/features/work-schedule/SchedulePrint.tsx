import { useTranslation } from 'react-i18next';
import type { ScheduleEntry } from './useSchedule';
import { formatDay, groupByDay, localParts, weekdayOf } from './week';

/*
 * The printed weekly calendar (lịch công tác tuần) in the layout of Decree 30/2020/NĐ-CP Appendix I: A4, the
 * agency's name top left and the national motto top right (Times New Roman), the title centred, a table by day
 * and half-day, the recipients and the signer. Hidden on screen; the browser's print shows only it.
 */
const PRINT_CSS = `
.schedule-print { display: none; }
@media print {
  @page { size: A4 landscape; margin: 20mm 15mm 20mm 30mm; }
  body * { visibility: hidden !important; }
  .schedule-print, .schedule-print * { visibility: visible !important; }
  .schedule-print { display: block; position: absolute; left: 0; top: 0; width: 100%;
    font-family: 'Times New Roman', Times, serif; font-size: 13pt; color: #000; }
  .schedule-print table { width: 100%; border-collapse: collapse; }
  .schedule-print th, .schedule-print td { border: 1px solid #000; padding: 3pt 5pt; vertical-align: top; font-size: 12pt; }
  .schedule-print tr { page-break-inside: avoid; }
}`;

export const SchedulePrint = ({
  agencyName,
  dates,
  items,
}: {
  agencyName: string;
  dates: readonly string[];
  items: readonly ScheduleEntry[];
}) => {
  const { t } = useTranslation();
  const shown = items.filter((item) => item.status === 'published');
  const days = groupByDay(dates, shown);
  const from = formatDay(dates[0] ?? '');
  const to = formatDay(dates[dates.length - 1] ?? '');
  return (
    <div className="schedule-print" aria-hidden>
      <style>{PRINT_CSS}</style>
      <table style={{ border: 'none', marginBottom: '12pt' }}>
        <tbody>
          <tr>
            <td style={{ border: 'none', textAlign: 'center', width: '40%' }}>
              <div style={{ fontWeight: 700, textTransform: 'uppercase' }}>{agencyName}</div>
              <div>———</div>
            </td>
            <td style={{ border: 'none', textAlign: 'center' }}>
              <div style={{ fontWeight: 700 }}>{t('schedule.printView.motto1')}</div>
              <div style={{ fontWeight: 700, fontSize: '14pt' }}>{t('schedule.printView.motto2')}</div>
              <div>———————————</div>
            </td>
          </tr>
        </tbody>
      </table>
      <div style={{ textAlign: 'center', fontWeight: 700, fontSize: '14pt' }}>{t('schedule.printView.heading')}</div>
      <div style={{ textAlign: 'center', fontStyle: 'italic', marginBottom: '10pt' }}>
        {t('schedule.printView.range', { from, to })}
      </div>
      <table>
        <thead>
          <tr>
            <th style={{ width: '11%' }}>{t('schedule.day')}</th>
            <th style={{ width: '7%' }}>{t('schedule.time')}</th>
            <th>{t('schedule.content')}</th>
            <th style={{ width: '14%' }}>{t('schedule.chair')}</th>
            <th style={{ width: '16%' }}>{t('schedule.participants')}</th>
            <th style={{ width: '12%' }}>{t('schedule.place')}</th>
            <th style={{ width: '12%' }}>{t('schedule.preparing')}</th>
          </tr>
        </thead>
        <tbody>
          {days.flatMap((day) =>
            (['morning', 'afternoon'] as const).map((half) => {
              const list = day[half];
              return (
                <tr key={`${day.date}-${half}`}>
                  <td>
                    {half === 'morning' ? (
                      <strong>
                        {t(`schedule.weekday${weekdayOf(day.date)}` as 'schedule.weekday1')}
                        <br />
                        {formatDay(day.date)}
                      </strong>
                    ) : null}
                    <div>{t(`schedule.${half}`)}</div>
                  </td>
                  <td>
                    {list.map((item) => (
                      <div key={item.id}>{`${localParts(item.startsAt).time}–${localParts(item.endsAt).time}`}</div>
                    ))}
                  </td>
                  <td>
                    {list.map((item) => (
                      <div key={item.id}>{item.title}</div>
                    ))}
                  </td>
                  <td>
                    {list.map((item) => (
                      <div key={item.id}>{item.chairName ?? item.chairText ?? ''}</div>
                    ))}
                  </td>
                  <td>
                    {list.map((item) => (
                      <div key={item.id}>
                        {[
                          item.participantUnits.map((unit) => unit.name).join(', '),
                          item.attendees
                            .filter((a) => a.role !== 'chair')
                            .map((a) => a.fullName)
                            .join(', '),
                          item.participantsText,
                        ]
                          .filter(Boolean)
                          .join('; ')}
                      </div>
                    ))}
                  </td>
                  <td>
                    {list.map((item) => (
                      <div key={item.id}>{item.place ?? ''}</div>
                    ))}
                  </td>
                  <td>
                    {list.map((item) => (
                      <div key={item.id}>{item.preparingAgencyName ?? ''}</div>
                    ))}
                  </td>
                </tr>
              );
            }),
          )}
        </tbody>
      </table>
      <table style={{ border: 'none', marginTop: '14pt' }}>
        <tbody>
          <tr>
            <td style={{ border: 'none', width: '50%', fontSize: '11pt' }}>
              <div style={{ fontWeight: 700, fontStyle: 'italic', fontSize: '12pt' }}>
                {t('schedule.printView.recipients')}
              </div>
              <div style={{ whiteSpace: 'pre-line' }}>{t('schedule.printView.recipientsList')}</div>
            </td>
            <td style={{ border: 'none', textAlign: 'center', fontWeight: 700, whiteSpace: 'pre-line' }}>
              {t('schedule.printView.signer')}
            </td>
          </tr>
        </tbody>
      </table>
    </div>
  );
};
