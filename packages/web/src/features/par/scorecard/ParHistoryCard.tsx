import { Alert, Card, Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../lib/format';
import { formatParPoints } from './format-par-points';
import { useParHistory } from './useParScorecard';

const isAdjustment = (action: string): action is 'bonus' | 'penalty' => action === 'bonus' || action === 'penalty';

/**
 * The unit's score history (hash-chained on the server, checked by `audit verify`): who changed which field of
 * which criterion, when, to how many points and with what note — newest first.
 */
export const ParHistoryCard = ({ roundId, agencyId }: { roundId: string; agencyId: string }) => {
  const { t } = useTranslation();
  const history = useParHistory(roundId, agencyId);
  const items = [...(history.data ?? [])].reverse();
  return (
    <Card size="small" title={t('parScorecard.history')} style={{ marginBottom: 12 }} data-testid="par-history">
      {history.error && <Alert type="error" message={history.error.message} />}
      {history.data && items.length === 0 && (
        <Typography.Text type="secondary">{t('parScorecard.historyEmpty')}</Typography.Text>
      )}
      <Timeline
        items={items.map((e) => ({
          key: e.seq,
          content: (
            <div data-testid={`par-history-${e.seq}`}>
              <Typography.Text type="secondary">{formatDateTime(e.at)}</Typography.Text>{' '}
              <b>{e.actorName ?? t('parScorecard.historySystem')}</b>
              <div>
                <Tag>{e.criterionCode ?? t('parScorecard.unit_level')}</Tag>
                {isAdjustment(e.action) && <Tag>{t(`parScorecard.adjustment_${e.action}`)}</Tag>}
                {t(`parScorecard.field_${e.field}`, { defaultValue: e.field })}
                {e.field === 'status' && `: ${t(`parScorecard.action_${e.action}`, { defaultValue: e.action })}`}
                {e.points !== null && (
                  <>
                    {': '}
                    <b>{formatParPoints(e.points)}</b>
                  </>
                )}
              </div>
              {e.note && <Typography.Text type="secondary">{e.note}</Typography.Text>}
            </div>
          ),
        }))}
      />
    </Card>
  );
};
