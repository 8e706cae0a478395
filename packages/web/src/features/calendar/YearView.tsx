import { Flex } from 'antd';

import { useTranslation } from 'react-i18next';
import type { HolidayYear } from '../../api/types';
import { Text } from '../../components/typography';
import '../../i18n/console-admin';

type DayMark = 'holiday' | 'extra' | 'makeup' | 'weekend' | null;

const MARK_STYLES: Record<Exclude<DayMark, null>, { background: string; color: string }> = {
  holiday: { background: '#b71c1c', color: '#ffffff' },
  extra: { background: '#ffd591', color: '#4a2a00' },
  makeup: { background: '#bae0ff', color: '#06306b' },
  weekend: { background: '#f0f0f0', color: '#4a4a4a' },
};

const pad = (n: number) => String(n).padStart(2, '0');

/** Twelve small months with the year's days off, swaps and make-up days marked (the table below lists them in words). */
export const YearView = ({ data }: { data: HolidayYear }) => {
  const { t } = useTranslation();
  const weekdays = t('calendar.weekdays').split(',');
  const marks = new Map<string, { mark: DayMark; label: string }>();
  for (const day of data.days) {
    const mark: DayMark =
      day.kind === 'holiday' || day.kind === 'compensatory'
        ? 'holiday'
        : day.kind === 'makeup_workday'
          ? 'makeup'
          : 'extra';
    marks.set(day.date, {
      mark,
      label: `${day.period ?? ''}${day.kind ? ` — ${t(`calendar.kind_${day.kind}`)}` : ''}`,
    });
  }
  for (const day of data.makeupWorkdays) {
    marks.set(day.date, { mark: 'makeup', label: `${day.period} — ${t('calendar.kind_makeup_workday')}` });
  }

  const months = Array.from({ length: 12 }, (_, m) => {
    const first = new Date(Date.UTC(data.year, m, 1));
    const length = new Date(Date.UTC(data.year, m + 1, 0)).getUTCDate();
    const offset = (first.getUTCDay() + 6) % 7; // Monday first
    const cells: ({ day: number; date: string; mark: DayMark; label: string } | null)[] = Array.from(
      { length: offset },
      () => null,
    );
    for (let d = 1; d <= length; d++) {
      const date = `${data.year}-${pad(m + 1)}-${pad(d)}`;
      const weekday = (offset + d - 1) % 7;
      const marked = marks.get(date);
      cells.push({
        day: d,
        date,
        mark: marked?.mark ?? (weekday >= 5 ? 'weekend' : null),
        label: marked?.label ?? (weekday >= 5 ? t('calendar.kind_weekend') : ''),
      });
    }
    return { month: m + 1, cells };
  });

  return (
    <>
      <Flex gap={12} wrap style={{ marginBottom: 12, fontSize: 13 }} aria-hidden>
        {(
          [
            ['holiday', t('calendar.legendOff')],
            ['extra', t('calendar.legendExtra')],
            ['makeup', t('calendar.legendMakeup')],
            ['weekend', t('calendar.legendWeekend')],
          ] as const
        ).map(([mark, label]) => (
          <Flex key={mark} gap={6} align="center">
            <span style={{ width: 14, height: 14, borderRadius: 3, display: 'inline-block', ...MARK_STYLES[mark] }} />
            {label}
          </Flex>
        ))}
      </Flex>
      <div
        aria-hidden
        style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(210px, 1fr))', gap: 16 }}
      >
        {months.map(({ month, cells }) => (
          <div key={month} style={{ border: '1px solid #eee', borderRadius: 8, padding: 8, background: '#fff' }}>
            <Text strong>{t('calendar.month', { month })}</Text>
            <div
              style={{
                display: 'grid',
                gridTemplateColumns: 'repeat(7, 1fr)',
                gap: 2,
                marginTop: 6,
                fontSize: 12,
                textAlign: 'center',
              }}
            >
              {weekdays.map((w) => (
                <span key={w} style={{ fontWeight: 600, color: '#555' }}>
                  {w}
                </span>
              ))}
              {cells.map((cell, index) =>
                cell ? (
                  <span
                    key={cell.date}
                    title={cell.label ? `${cell.day}/${month}: ${cell.label}` : undefined}
                    style={{ borderRadius: 4, padding: '2px 0', ...(cell.mark ? MARK_STYLES[cell.mark] : {}) }}
                  >
                    {cell.day}
                  </span>
                ) : (
                  // biome-ignore lint/suspicious/noArrayIndexKey: the blank cells before day 1 have no identity
                  <span key={`blank-${index}`} />
                ),
              )}
            </div>
          </div>
        ))}
      </div>
    </>
  );
};
