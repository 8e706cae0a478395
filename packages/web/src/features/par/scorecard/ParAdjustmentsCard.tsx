import { Alert, Button, Card, Input, InputNumber, message, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatParPoints } from './format-par-points';
import { type ParScorecard, useWriteParAdjustment } from './useParScorecard';

type Kind = 'bonus' | 'penalty';
type Field = 'self' | 'appraisal_1' | 'appraisal_2' | 'final';
type Adjustment = ParScorecard['adjustments'][number];

const KINDS: readonly Kind[] = ['bonus', 'penalty'];
const POINT_FIELDS: readonly Field[] = ['self', 'appraisal_1', 'appraisal_2', 'final'];

const pointsOf = (row: Adjustment | undefined, field: Field): number | null => {
  if (!row) {
    return null;
  }
  const points: Record<Field, number | null> = {
    self: row.selfPoints,
    appraisal_1: row.appraisal1Points,
    appraisal_2: row.appraisal2Points,
    final: row.finalPoints,
  };
  return points[field];
};

const noteOf = (row: Adjustment | undefined, field: Field): string => {
  if (!row) {
    return '';
  }
  const notes: Record<Field, string | null> = {
    self: row.selfNote,
    appraisal_1: row.appraisal1Note,
    appraisal_2: row.appraisal2Note,
    final: row.finalNote,
  };
  return notes[field] ?? '';
};

/** One kind (bonus or penalty): its cap, its points at every stage, and the input of the caller's stage. */
const AdjustmentRow = ({
  kind,
  card,
  roundId,
  agencyId,
}: {
  kind: Kind;
  card: ParScorecard;
  roundId: string;
  agencyId: string;
}) => {
  const { t } = useTranslation();
  const row = card.adjustments.find((a) => a.kind === kind);
  const field = POINT_FIELDS.find((f) => card.can.write.includes(f)) ?? null;
  const cap = kind === 'bonus' ? card.set.bonusCap : card.set.penaltyCap;
  const saved = field ? pointsOf(row, field) : null;
  // The input is in points (1,5), the API in hundredths (150). No clamp: the API says when it is over the cap.
  const [points, setPoints] = useState<number | null>(saved === null ? null : saved / 100);
  const [note, setNote] = useState(field ? noteOf(row, field) : '');
  const write = useWriteParAdjustment(roundId, agencyId);
  return (
    <div data-testid={`par-adjustment-${kind}`} style={{ marginBottom: 12 }}>
      <Typography.Text strong>{t(`parScorecard.adjustment_${kind}`)}</Typography.Text>{' '}
      <Tag data-testid={`par-adjustment-cap-${kind}`}>
        {t('parScorecard.cap')}: {formatParPoints(cap)}
      </Tag>
      <div>
        <Space wrap size="small">
          <span>
            {t('parScorecard.self')}:{' '}
            <b data-testid={`par-adjustment-self-${kind}`}>{formatParPoints(row?.selfPoints)}</b>
          </span>
          <span>
            {t('parScorecard.appraisal1')}: <b>{formatParPoints(row?.appraisal1Points)}</b>
          </span>
          <span>
            {t('parScorecard.appraisal2')}: <b>{formatParPoints(row?.appraisal2Points)}</b>
          </span>
          <span>
            {t('parScorecard.final')}: <b>{formatParPoints(row?.finalPoints)}</b>
          </span>
        </Space>
      </div>
      {field && (
        <Space direction="vertical" style={{ width: '100%', marginTop: 8 }}>
          <InputNumber
            aria-label={`${t(`parScorecard.adjustment_${kind}`)} (${t('parScorecard.cap')} ${formatParPoints(cap)})`}
            data-testid={`par-adjustment-points-${kind}`}
            min={0}
            step={0.25}
            decimalSeparator=","
            value={points}
            onChange={(value) => setPoints(value)}
            style={{ width: '100%' }}
          />
          <Input.TextArea
            data-testid={`par-adjustment-note-${kind}`}
            placeholder={t('parScorecard.note')}
            value={note}
            onChange={(event) => setNote(event.target.value)}
            autoSize={{ minRows: 1, maxRows: 4 }}
          />
          <Button
            type="primary"
            data-testid={`par-adjustment-save-${kind}`}
            disabled={points === null}
            loading={write.isPending}
            onClick={() =>
              write.mutate(
                {
                  kind,
                  body: {
                    field,
                    points: Math.round((points ?? 0) * 100),
                    note: note || null,
                    expectedVersion: row?.version ?? null,
                  },
                },
                { onSuccess: () => void message.success(t('parScorecard.saved')) },
              )
            }
          >
            {t('parScorecard.save')}
          </Button>
          {write.error && (
            <Alert data-testid={`par-adjustment-error-${kind}`} type="error" message={write.error.message} />
          )}
        </Space>
      )}
    </div>
  );
};

/** Bonus and penalty points of the unit (điểm thưởng, điểm trừ), within the criteria set's caps. */
export const ParAdjustmentsCard = ({
  card,
  roundId,
  agencyId,
}: {
  card: ParScorecard;
  roundId: string;
  agencyId: string;
}) => {
  const { t } = useTranslation();
  return (
    <Card size="small" title={t('parScorecard.adjustments')} style={{ marginBottom: 12 }}>
      {KINDS.map((kind) => (
        <AdjustmentRow
          key={`${kind}-${card.adjustments.find((a) => a.kind === kind)?.version ?? 0}-${card.unit.status}`}
          kind={kind}
          card={card}
          roundId={roundId}
          agencyId={agencyId}
        />
      ))}
    </Card>
  );
};
