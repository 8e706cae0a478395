import { Button, Flex } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import '../../i18n/work-schedule';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageLoading } from '../../components/PageLoading';
import { publicScheduleFileUrl, usePublicScheduleWeek } from './useSchedule';
import { formatDay, groupByDay, localParts, shiftWeek, weekdayOf } from './week';

/** The portal's page of the public, published work calendar of a week (read without signing in). */
export const PublicSchedulePage = () => {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const week = usePublicScheduleWeek(params.get('tuan') ?? undefined);
  useEffect(() => {
    document.title = `${t('schedule.portal.title')} — ${t('app.portalName')}`;
  }, [t]);
  const data = week.data;
  const go = (weeks: number) => data && setParams({ tuan: shiftWeek(data.weekStart, weeks) });
  return (
    <div style={{ maxWidth: 960, margin: '0 auto' }}>
      <h1 style={{ fontSize: 24, marginTop: 0 }}>{t('schedule.portal.title')}</h1>
      <p>{t('schedule.portal.intro')}</p>
      <Flex gap={8} wrap align="center" style={{ marginBottom: 12 }}>
        <Button onClick={() => go(-1)}>{t('schedule.previousWeek')}</Button>
        <Button onClick={() => setParams({})}>{t('schedule.thisWeek')}</Button>
        <Button onClick={() => go(1)}>{t('schedule.nextWeek')}</Button>
        {data ? (
          <strong>
            {t('schedule.weekOf', { from: formatDay(data.dates[0] ?? ''), to: formatDay(data.dates[6] ?? '') })}
          </strong>
        ) : null}
      </Flex>
      {week.error ? <ErrorAlert error={week.error} /> : null}
      {week.isPending ? <PageLoading /> : null}
      {data && data.items.length === 0 ? <p>{t('schedule.portal.empty')}</p> : null}
      {data
        ? groupByDay(data.dates, data.items)
            .filter((day) => day.morning.length + day.afternoon.length > 0)
            .map((day) => (
              <section key={day.date} style={{ marginBottom: 16 }}>
                <h2 style={{ fontSize: 18, margin: '8px 0', borderBottom: '1px solid #e5e5e5' }}>
                  {t(`schedule.weekday${weekdayOf(day.date)}` as 'schedule.weekday1')}, {formatDay(day.date)}
                </h2>
                {[...day.morning, ...day.afternoon].map((item) => (
                  <article key={item.id} style={{ padding: '6px 0' }} data-testid="public-schedule-entry">
                    <strong>
                      {localParts(item.startsAt).time}–{localParts(item.endsAt).time}
                    </strong>{' '}
                    {item.title}
                    <div style={{ fontSize: 14, color: 'rgba(0,0,0,0.68)' }}>
                      {[
                        item.agencyName,
                        item.chair ? `${t('schedule.chair')}: ${item.chair}` : null,
                        item.place,
                        item.participantUnits.length > 0
                          ? `${t('schedule.participants')}: ${item.participantUnits.join(', ')}`
                          : null,
                      ]
                        .filter(Boolean)
                        .join(' · ')}
                    </div>
                    {item.files.length > 0 ? (
                      <div style={{ fontSize: 14 }} data-testid="public-schedule-files">
                        {t('schedule.files.title')}:{' '}
                        {item.files.map((file, index) => (
                          <span key={file.sha256}>
                            {index > 0 ? ', ' : null}
                            <a href={publicScheduleFileUrl(item.id, file.sha256)} download={file.fileName}>
                              {file.fileName}
                            </a>
                          </span>
                        ))}
                      </div>
                    ) : null}
                  </article>
                ))}
              </section>
            ))
        : null}
    </div>
  );
};
