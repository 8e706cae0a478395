import { ClockCircleOutlined, ExclamationCircleOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Urgency } from '../api/types';
import { useWorkingTime } from '../lib/useWorkingTime';

/**
 * Red when overdue, amber when less than a working day is left; the text always says how much
 * (colour is never the only signal). Colours meet AA contrast: white on #a8071a, #5c3800 on #ffe08a.
 */
const STYLES: Record<Urgency, { background: string; color: string; border: string }> = {
  overdue: { background: '#a8071a', color: '#ffffff', border: '#a8071a' },
  due_soon: { background: '#ffe08a', color: '#5c3800', border: '#e0a800' },
  normal: { background: '#f0f5f0', color: '#1f4d1f', border: '#b7d3b7' },
};

export const UrgencyBadge = ({ urgency, minutes }: { urgency: Urgency | null; minutes: number | null }) => {
  const { remaining } = useWorkingTime();
  const { t } = useTranslation();
  const text = remaining(minutes);
  if (!urgency || text === null) {
    return <span>—</span>;
  }
  const style = STYLES[urgency];
  return (
    <span
      className="urgency-badge"
      data-urgency={urgency}
      title={t(`urgency.${urgency}`)}
      style={{
        display: 'inline-flex',
        alignItems: 'center',
        gap: 4,
        padding: '1px 8px',
        borderRadius: 10,
        fontSize: 13,
        lineHeight: '20px',
        whiteSpace: 'nowrap',
        background: style.background,
        color: style.color,
        border: `1px solid ${style.border}`,
      }}
    >
      {urgency === 'overdue' ? <ExclamationCircleOutlined aria-hidden /> : <ClockCircleOutlined aria-hidden />}
      {text}
    </span>
  );
};
