import '../../../i18n/par-scorecard';
import { Alert, Button, Input, InputNumber, Space, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { LazyModal } from '../../../components/lazyAntd';
import { lazyWidget } from '../../../components/lazyWidget';
import { useConsoleMessage } from '../../../components/MessageProvider';
import { Panel } from '../../../components/Panel';
import { Paragraph, Text, Title } from '../../../components/typography';
import { formatParPoints } from './format-par-points';
import {
  type ParScorecard,
  type ParUnitAction,
  useActOnParUnit,
  useAddParEvidence,
  useComputeParFigures,
  useParScorecard,
  useWriteParScore,
} from './useParScorecard';

type Node = ParScorecard['nodes'][number];
type Field = ParScorecard['can']['write'][number];

/* Loaded after the page shows, fetched at once (issue 16: a console page's first load ≤ 300 KB gzip). */
const ParAdjustmentsCard = lazyWidget(() =>
  import('./ParAdjustmentsCard').then((m) => ({ default: m.ParAdjustmentsCard })),
);
const ParHistoryCard = lazyWidget(() => import('./ParHistoryCard').then((m) => ({ default: m.ParHistoryCard })));

const REASON_ACTIONS: readonly ParUnitAction[] = ['return_self', 'lock_late'];
const POINT_FIELDS: readonly Field[] = ['self', 'appraisal_1', 'appraisal_2', 'final'];

const pointsOf = (node: Node, field: Field): number | null => {
  const score = node.score;
  if (!score) {
    return null;
  }
  switch (field) {
    case 'self':
      return score.selfPoints;
    case 'appraisal_1':
      return score.appraisal1Points;
    case 'appraisal_2':
      return score.appraisal2Points;
    case 'final':
      return score.finalPoints;
    case 'explanation':
      return null;
  }
};

const noteOf = (node: Node, field: Field): string => {
  const score = node.score;
  if (!score) {
    return '';
  }
  const notes: Record<Field, string | null> = {
    self: score.selfNote,
    appraisal_1: score.appraisal1Note,
    explanation: score.explanationNote,
    appraisal_2: score.appraisal2Note,
    final: score.finalNote,
  };
  return notes[field] ?? '';
};

/** One leaf: its maximum and rule, the points of every stage, the evidence, and the input the caller may use. */
const LeafCard = ({
  node,
  card,
  roundId,
  agencyId,
}: {
  node: Node;
  card: ParScorecard;
  roundId: string;
  agencyId: string;
}) => {
  const { t } = useTranslation();
  const message = useConsoleMessage();
  const field = card.can.write.find((f) => f !== 'self' || !node.surveyScored) ?? null;
  const saved = field ? pointsOf(node, field) : null;
  // The input is in points (45,5), the API in hundredths (4550).
  const [points, setPoints] = useState<number | null>(saved === null ? null : saved / 100);
  const [note, setNote] = useState(field ? noteOf(node, field) : '');
  const [override, setOverride] = useState('');
  const [linkTitle, setLinkTitle] = useState('');
  const [linkUrl, setLinkUrl] = useState('');
  const write = useWriteParScore(roundId, agencyId);
  const evidence = useAddParEvidence(roundId, agencyId);
  const canEvidence = card.can.write.includes('self') || card.can.write.includes('explanation');
  const system = node.score?.system ?? null;
  const save = (acceptSystem = false) => {
    if (!field) {
      return;
    }
    write.mutate(
      {
        code: node.code,
        body: {
          field,
          ...(POINT_FIELDS.includes(field) && !acceptSystem
            ? { points: points === null ? null : Math.round(points * 100) }
            : {}),
          note: note || null,
          ...(acceptSystem ? { acceptSystem: true } : {}),
          ...(override ? { overrideReason: override } : {}),
          expectedVersion: node.score?.version ?? null,
        },
      },
      { onSuccess: () => void message.success(t('parScorecard.saved')) },
    );
  };
  return (
    <Panel data-testid={`par-leaf-${node.code}`} style={{ marginBottom: 8 }}>
      <Text strong>
        {node.code}. {node.title}
      </Text>{' '}
      <Tag>
        {t('parScorecard.max')}: {formatParPoints(node.maxPoints)}
      </Tag>
      {node.surveyScored && <Tag color="purple">{t('parScorecard.survey')}</Tag>}
      {!node.applicable && <Tag color="default">{t('parScorecard.notApplicable')}</Tag>}
      {node.scoringRule && <Paragraph type="secondary">{node.scoringRule}</Paragraph>}
      <Space wrap size="small">
        <span>
          {t('parScorecard.self')}:{' '}
          <b data-testid={`par-self-${node.code}`}>{formatParPoints(node.score?.selfPoints)}</b>
        </span>
        <span>
          {t('parScorecard.appraisal1')}: <b>{formatParPoints(node.score?.appraisal1Points)}</b>
        </span>
        <span>
          {t('parScorecard.appraisal2')}: <b>{formatParPoints(node.score?.appraisal2Points)}</b>
        </span>
        <span>
          {t('parScorecard.final')}: <b>{formatParPoints(node.score?.finalPoints)}</b>
        </span>
      </Space>
      {node.score?.selfNote && <div>{`${t('parScorecard.note')}: ${node.score.selfNote}`}</div>}
      {node.score?.explanationNote && <div>{`${t('parScorecard.explanation')}: ${node.score.explanationNote}`}</div>}
      {system && (
        <Alert
          type="info"
          style={{ marginTop: 8 }}
          message={`${t('parScorecard.system')}: ${formatParPoints(system.points)} — ${system.formula ?? ''}`}
        />
      )}
      {node.evidence.length > 0 && (
        <ul style={{ paddingLeft: 18, margin: '8px 0' }}>
          {node.evidence
            .filter((e) => !e.withdrawnAt)
            .map((e) => (
              <li key={e.id}>
                <a href={e.url ?? undefined} target="_blank" rel="noreferrer">
                  {e.title}
                </a>{' '}
                {e.stage === 'explanation' && <Tag>{t('parScorecard.explanation')}</Tag>}
              </li>
            ))}
        </ul>
      )}
      {field && node.applicable && (
        <Space direction="vertical" style={{ width: '100%', marginTop: 8 }}>
          {POINT_FIELDS.includes(field) && (
            <InputNumber
              aria-label={`${t('parScorecard.max')} ${node.code}`}
              data-testid={`par-points-${node.code}`}
              min={0}
              max={node.maxPoints / 100}
              step={0.25}
              decimalSeparator=","
              value={points}
              onChange={(value) => setPoints(value)}
              style={{ width: '100%' }}
            />
          )}
          <Input.TextArea
            data-testid={`par-note-${node.code}`}
            placeholder={field === 'explanation' ? t('parScorecard.explanation') : t('parScorecard.note')}
            value={note}
            onChange={(event) => setNote(event.target.value)}
            autoSize={{ minRows: 1, maxRows: 4 }}
          />
          {system && field !== 'self' && field !== 'explanation' && (
            <Input
              placeholder={t('parScorecard.overrideReason')}
              value={override}
              onChange={(event) => setOverride(event.target.value)}
            />
          )}
          <Space wrap>
            <Button
              type="primary"
              data-testid={`par-save-${node.code}`}
              loading={write.isPending}
              onClick={() => save()}
            >
              {t('parScorecard.save')}
            </Button>
            {system && field !== 'self' && field !== 'explanation' && (
              <Button onClick={() => save(true)}>{t('parScorecard.accept')}</Button>
            )}
          </Space>
          {write.error && <Alert type="error" message={write.error.message} />}
        </Space>
      )}
      {canEvidence && node.applicable && (
        <Space.Compact style={{ width: '100%', marginTop: 8 }}>
          <Input
            placeholder={t('parScorecard.evidenceTitle')}
            value={linkTitle}
            onChange={(event) => setLinkTitle(event.target.value)}
          />
          <Input
            placeholder={t('parScorecard.evidenceUrl')}
            value={linkUrl}
            onChange={(event) => setLinkUrl(event.target.value)}
          />
          <Button
            disabled={!linkTitle || !linkUrl}
            onClick={() =>
              evidence.mutate(
                { code: node.code, title: linkTitle, url: linkUrl },
                {
                  onSuccess: () => {
                    setLinkTitle('');
                    setLinkUrl('');
                  },
                },
              )
            }
          >
            {t('parScorecard.addLink')}
          </Button>
        </Space.Compact>
      )}
      {canEvidence && node.applicable && (
        <label style={{ display: 'block', marginTop: 8 }}>
          {t('parScorecard.addFile')}{' '}
          <input
            type="file"
            accept="application/pdf,image/jpeg,image/png"
            onChange={(event) => {
              const file = event.target.files?.[0];
              if (file) {
                evidence.mutate({ code: node.code, title: file.name, file });
              }
            }}
          />
        </label>
      )}
      {evidence.error && <Alert type="error" message={evidence.error.message} />}
    </Panel>
  );
};

/**
 * A unit's scorecard (Chỉ số CCHC): the criteria tree with the maximum, the points of every stage and the
 * evidence per leaf, live totals per area, and what the caller may do now — the focal officer scores and
 * sends, the head approves or returns, the appraiser scores beside the self-assessment and the system figure,
 * the unit explains.
 */
export const ScorecardPage = () => {
  const { t } = useTranslation();
  const { roundId = '', agencyId = '' } = useParams();
  const scorecard = useParScorecard(roundId, agencyId);
  const act = useActOnParUnit(roundId, agencyId);
  const figures = useComputeParFigures(roundId, agencyId);
  const [reasonFor, setReasonFor] = useState<ParUnitAction | null>(null);
  const [reason, setReason] = useState('');
  const card = scorecard.data;
  if (scorecard.error) {
    return <Alert type="error" message={scorecard.error.message} />;
  }
  if (!card) {
    return null;
  }
  const run = (action: ParUnitAction, withReason?: string) =>
    act.mutate({ action, expectedVersion: card.unit.version, ...(withReason ? { reason: withReason } : {}) });
  const leavesOf = (areaCode: string) =>
    card.nodes.filter((n) => n.isLeaf && (n.code === areaCode || n.code.startsWith(`${areaCode}.`)));
  return (
    <div style={{ maxWidth: 960 }}>
      <Title level={3}>
        {t('parScorecard.scorecardTitle')} — {card.unit.agencyName}
      </Title>
      <Space wrap style={{ marginBottom: 12 }}>
        <Tag color="blue">{t(`parScorecard.stage_${card.round.stage}`)}</Tag>
        <Tag color="green" data-testid="par-unit-status">
          {t(`parScorecard.status_${card.unit.status}`)}
        </Tag>
        <Link to="/can-bo/chi-so-cchc/dot-danh-gia">{card.round.title}</Link>
      </Space>
      <Panel level={3} title={t('parScorecard.areaTotals')} style={{ marginBottom: 12 }}>
        {card.totals.areas.map((area) => (
          <div key={area.code}>
            {area.code}. {area.title}: {t('parScorecard.self')} {formatParPoints(area.self)} ·{' '}
            {t('parScorecard.appraisal1')} {formatParPoints(area.appraisal1)} · {t('parScorecard.appraisal2')}{' '}
            {formatParPoints(area.appraisal2)} / {formatParPoints(area.applicableMax)}
          </div>
        ))}
        <Text strong data-testid="par-total-self">
          {t('parScorecard.total')}: {t('parScorecard.self')} {formatParPoints(card.totals.self)} ·{' '}
          {t('parScorecard.final')} {formatParPoints(card.totals.final)} / {formatParPoints(card.totals.applicableMax)}
        </Text>
      </Panel>
      <Space wrap style={{ marginBottom: 12 }}>
        {card.can.actions.map((action) => (
          <Button
            key={action}
            data-testid={`par-action-${action}`}
            type={action === 'return_self' || action === 'lock_late' ? 'default' : 'primary'}
            loading={act.isPending}
            onClick={() =>
              REASON_ACTIONS.includes(action as ParUnitAction)
                ? setReasonFor(action as ParUnitAction)
                : run(action as ParUnitAction)
            }
          >
            {t(`parScorecard.action_${action as ParUnitAction}`)}
          </Button>
        ))}
        {(card.actors.includes('appraiser') || card.actors.includes('organiser')) &&
          ['appraisal_1', 'explanation', 'appraisal_2', 'council'].includes(card.round.stage) && (
            <Button loading={figures.isPending} onClick={() => figures.mutate()}>
              {t('parScorecard.computeFigures')}
            </Button>
          )}
      </Space>
      {act.error && <Alert type="error" message={act.error.message} style={{ marginBottom: 12 }} />}
      {figures.data?.items
        .filter((f) => !f.available)
        .map((f) => (
          <Alert
            key={f.code}
            type="warning"
            style={{ marginBottom: 8 }}
            message={`${f.code}: ${f.label.vi} — ${f.reason?.vi ?? t('parScorecard.noData')}`}
          />
        ))}
      {card.nodes
        .filter((n) => n.kind === 'area')
        .map((area) => (
          <section key={area.code}>
            <Title level={4}>
              {area.code}. {area.title} ({formatParPoints(area.maxPoints)})
            </Title>
            {leavesOf(area.code).map((leaf) => (
              <LeafCard
                key={`${leaf.code}-${leaf.score?.version ?? 0}-${card.unit.status}`}
                node={leaf}
                card={card}
                roundId={roundId}
                agencyId={agencyId}
              />
            ))}
          </section>
        ))}
      <ParAdjustmentsCard card={card} roundId={roundId} agencyId={agencyId} />
      <ParHistoryCard roundId={roundId} agencyId={agencyId} />
      <LazyModal
        open={reasonFor !== null}
        title={reasonFor ? t(`parScorecard.action_${reasonFor}`) : ''}
        okText={t('parScorecard.confirm')}
        cancelText={t('parScorecard.cancel')}
        okButtonProps={{ disabled: !reason.trim() }}
        onCancel={() => setReasonFor(null)}
        onOk={() => {
          if (reasonFor) {
            run(reasonFor, reason.trim());
          }
          setReasonFor(null);
          setReason('');
        }}
      >
        <Input.TextArea
          aria-label={t('parScorecard.reason')}
          data-testid="par-reason"
          value={reason}
          onChange={(event) => setReason(event.target.value)}
        />
      </LazyModal>
    </div>
  );
};
