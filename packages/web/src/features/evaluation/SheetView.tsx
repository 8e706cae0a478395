import {
  EVALUATION_BAND_LABELS,
  EVALUATION_FLOW,
  EVALUATION_SHEET_STATUS_LABELS,
  EVALUATION_VETO_LABELS,
  EVALUATION_VETOES,
  type EvaluationAction,
  type EvaluationVeto,
} from '@motcua/domain';
import { Button, Checkbox, Flex, Input, Radio, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import '../../i18n/evaluation';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useConsoleMessage } from '../../components/MessageProvider';
import { PageLoading } from '../../components/PageLoading';
import { Panel } from '../../components/Panel';
import { Text, Title } from '../../components/typography';
import { type EvaluationSheet, type SheetActionInput, useSheet, useSheetAction } from './useEvaluation';

type Lang = 'vi' | 'en';

/** 8250 (hundredths) → "82,50" (vi) or "82.50". */
export const hundredths = (value: number | null | undefined, lang: Lang) =>
  value === null || value === undefined ? '—' : (value / 100).toFixed(2).replace('.', lang === 'vi' ? ',' : '.');
/** 1500 (thousandths) → "1,5". */
const milli = (value: number, lang: Lang) => String(Math.round(value) / 1000).replace('.', lang === 'vi' ? ',' : '.');
const dateTime = (at: string | null) =>
  at ? `${at.slice(8, 10)}/${at.slice(5, 7)}/${at.slice(0, 4)} ${at.slice(11, 16)}` : '—';

export const periodName = (kind: string, year: number, number: number, lang: Lang) =>
  kind === 'month'
    ? lang === 'vi'
      ? `Tháng ${number}/${year}`
      : `${year}-${String(number).padStart(2, '0')}`
    : kind === 'quarter'
      ? lang === 'vi'
        ? `Quý ${['I', 'II', 'III', 'IV'][number - 1] ?? number}/${year}`
        : `Q${number} ${year}`
      : lang === 'vi'
        ? `Năm ${year}`
        : `Year ${year}`;

const sumOf = (
  items: EvaluationSheet['items'],
  key: 'assignedPoints' | 'quantityPoints' | 'qualityPoints' | 'progressPoints',
) => items.filter((item) => item.included).reduce((sum, item) => sum + item[key], 0);

/**
 * One evaluation sheet: its task-result figures with how they were computed and the items behind them (each
 * with its source link), the general criteria (self and manager scores), the notes, the band, and the steps the
 * reader may take now (the server says which).
 */
export const SheetView = ({ id }: { id: string }) => {
  const { i18n } = useTranslation();
  const lang: Lang = i18n.language === 'en' ? 'en' : 'vi';
  const sheet = useSheet(id);
  if (sheet.isPending) {
    return <PageLoading />;
  }
  if (sheet.isError) {
    return <ErrorAlert error={sheet.error} />;
  }
  return <SheetBody data={sheet.data} lang={lang} />;
};

const SheetBody = ({ data, lang }: { data: EvaluationSheet; lang: Lang }) => {
  const { t } = useTranslation();
  const message = useConsoleMessage();
  const action = useSheetAction(data.sheet.id);
  const { sheet, figures, items, generalCriteria, period } = data;
  const can = (name: EvaluationAction) => data.actions.includes(name);
  const [selfScores, setSelfScores] = useState<Record<string, number>>({});
  const [managerScores, setManagerScores] = useState<Record<string, number>>({});
  const [note, setNote] = useState('');
  const [veto, setVeto] = useState<EvaluationVeto | null>(sheet.veto);
  const [demote, setDemote] = useState(false);
  const [causes, setCauses] = useState<Record<string, string>>({});
  useEffect(() => {
    const fill = (stored: Record<string, number>) =>
      Object.fromEntries(generalCriteria.map((c) => [c.code, stored[c.code] ?? c.maxPoints]));
    setSelfScores(fill(sheet.generalSelf));
    setManagerScores(fill(Object.keys(sheet.generalManager).length > 0 ? sheet.generalManager : sheet.generalSelf));
  }, [sheet.generalSelf, sheet.generalManager, generalCriteria]);

  const run = (body: Omit<SheetActionInput, 'expectedVersion'>) =>
    action.mutate({ ...body, expectedVersion: sheet.version } as SheetActionInput, {
      onSuccess: () => {
        setNote('');
        void message.success(t('evaluation.done'));
      },
    });
  const label = (name: EvaluationAction) => EVALUATION_FLOW[name].label[lang];

  return (
    <Flex vertical gap={16} data-testid="evaluation-sheet">
      <div>
        <Title level={2} style={{ fontSize: 20, margin: 0 }}>
          {sheet.fullName} — {periodName(period.kind, period.year, period.number, lang)}
        </Title>
        <Text type="secondary">{[sheet.position, sheet.unitName].filter(Boolean).join(' · ')}</Text>
        <div style={{ marginTop: 4 }}>
          <Tag data-testid="sheet-status">{EVALUATION_SHEET_STATUS_LABELS[sheet.status][lang]}</Tag>
          {sheet.band ? <Tag color="green">{EVALUATION_BAND_LABELS[sheet.band][lang]}</Tag> : null}
          {sheet.veto ? <Tag color="red">{EVALUATION_VETO_LABELS[sheet.veto][lang]}</Tag> : null}
        </div>
      </div>
      {action.isError ? <ErrorAlert error={action.error} /> : null}

      <Panel title={t('evaluation.figures')} level={3}>
        <dl className="facts" data-testid="sheet-figures">
          <dt>{t('evaluation.quantity')}</dt>
          <dd>{hundredths(figures.quantityPct, lang)}%</dd>
          <dt>{t('evaluation.quality')}</dt>
          <dd>{hundredths(figures.qualityPct, lang)}%</dd>
          <dt>{t('evaluation.timeliness')}</dt>
          <dd>{hundredths(figures.timelinessPct, lang)}%</dd>
          <dt>{t('evaluation.score')}</dt>
          <dd>{hundredths(figures.scorePct, lang)}%</dd>
          <dt>{t('evaluation.taskPoints')}</dt>
          <dd>{hundredths(figures.taskPoints, lang)}</dd>
          <dt>{t('evaluation.generalPoints')}</dt>
          <dd>
            {hundredths(figures.generalPoints, lang)} (
            {t('evaluation.generalFrom', {
              source: figures.generalSource === 'manager' ? t('evaluation.sourceManager') : t('evaluation.sourceSelf'),
            })}
            )
          </dd>
          <dt>{t('evaluation.totalPoints')}</dt>
          <dd data-testid="sheet-total">{hundredths(figures.totalPoints, lang)}</dd>
          <dt>{t('evaluation.proposedBand')}</dt>
          <dd>{figures.proposedBand ? EVALUATION_BAND_LABELS[figures.proposedBand][lang] : '—'}</dd>
          {sheet.bandReason ? (
            <>
              <dt>{t('evaluation.band')}</dt>
              <dd>{sheet.bandReason[lang]}</dd>
            </>
          ) : null}
        </dl>
        <Text type="secondary" style={{ display: 'block', marginTop: 8, fontSize: 13 }}>
          {t('evaluation.howComputed')}{' '}
          {t('evaluation.sums', {
            assigned: milli(sumOf(items, 'assignedPoints'), lang),
            quantity: milli(sumOf(items, 'quantityPoints'), lang),
            quality: milli(sumOf(items, 'qualityPoints'), lang),
            progress: milli(sumOf(items, 'progressPoints'), lang),
          })}
        </Text>
      </Panel>

      <Panel title={t('evaluation.items')} level={3}>
        {items.length === 0 ? <Text type="secondary">{t('evaluation.noItems')}</Text> : null}
        <ul style={{ listStyle: 'none', padding: 0, margin: 0 }} data-testid="sheet-items">
          {items.map((item) => (
            <li
              key={item.id}
              style={{ padding: '8px 0', borderBottom: '1px solid #f0f0f0', opacity: item.included ? 1 : 0.6 }}
            >
              <div>
                {item.link ? <Link to={item.link}>{item.title}</Link> : item.title}
                {item.dossierCode ? <Text type="secondary"> ({item.dossierCode})</Text> : null}
              </div>
              <Text type="secondary" style={{ fontSize: 13 }}>
                {t('evaluation.coefficient')} {milli(item.coefficientMilli, lang)} · {t('evaluation.due')}:{' '}
                {dateTime(item.dueAt)} · {t('evaluation.completedAt')}:{' '}
                {item.completed ? dateTime(item.completedAt) : t('evaluation.notCompleted')} · {t('evaluation.errors')}:{' '}
                {item.majorErrors} · {t('evaluation.delays')}: {item.delays} · {t('evaluation.points')}:{' '}
                {milli(item.quantityPoints, lang)} / {milli(item.qualityPoints, lang)} /{' '}
                {milli(item.progressPoints, lang)} ÷ {milli(item.assignedPoints, lang)}
              </Text>
              {item.objectiveCause ? (
                <div>
                  <Tag color="blue">{t('evaluation.objectiveCause')}</Tag> {item.objectiveCause}
                </div>
              ) : null}
              {can('waive') && (item.majorErrors > 0 || item.delays > 0 || item.objectiveCause) ? (
                <Flex gap={8} wrap style={{ marginTop: 4 }}>
                  <Input
                    aria-label={`${t('evaluation.objectiveCause')}: ${item.title}`}
                    style={{ maxWidth: 360 }}
                    value={causes[item.id] ?? ''}
                    onChange={(event) => setCauses((c) => ({ ...c, [item.id]: event.target.value }))}
                  />
                  <Button
                    size="small"
                    disabled={!causes[item.id]?.trim()}
                    onClick={() =>
                      run({ action: 'waive', itemId: item.id, objectiveCause: causes[item.id]?.trim() ?? '' })
                    }
                  >
                    {t('evaluation.waive')}
                  </Button>
                  {item.objectiveCause ? (
                    <Button
                      size="small"
                      onClick={() => run({ action: 'waive', itemId: item.id, objectiveCause: null })}
                    >
                      {t('evaluation.clearWaive')}
                    </Button>
                  ) : null}
                </Flex>
              ) : null}
            </li>
          ))}
        </ul>
      </Panel>

      <Panel title={t('evaluation.general')} level={3}>
        <table className="plain-table" style={{ width: '100%', borderCollapse: 'collapse' }}>
          <thead>
            <tr>
              <th style={{ textAlign: 'left' }}>{t('evaluation.criterion')}</th>
              <th>{t('evaluation.maxPoints')}</th>
              <th>{t('evaluation.selfScore')}</th>
              <th>{t('evaluation.managerScore')}</th>
            </tr>
          </thead>
          <tbody>
            {generalCriteria.map((criterion) => (
              <tr key={criterion.code}>
                <td style={{ padding: '4px 4px 4px 0' }}>{criterion.name}</td>
                <td style={{ textAlign: 'center' }}>{hundredths(criterion.maxPoints, lang)}</td>
                <td style={{ textAlign: 'center' }}>
                  {can('self_assess') ? (
                    <Input
                      aria-label={`${t('evaluation.selfScore')}: ${criterion.name}`}
                      type="number"
                      min={0}
                      max={criterion.maxPoints / 100}
                      step={0.25}
                      style={{ width: 88 }}
                      value={(selfScores[criterion.code] ?? 0) / 100}
                      onChange={(event) =>
                        setSelfScores((s) => ({
                          ...s,
                          [criterion.code]: Math.min(
                            criterion.maxPoints,
                            Math.max(0, Math.round(Number(event.target.value) * 100) || 0),
                          ),
                        }))
                      }
                    />
                  ) : (
                    hundredths(sheet.generalSelf[criterion.code], lang)
                  )}
                </td>
                <td style={{ textAlign: 'center' }}>
                  {can('review') ? (
                    <Input
                      aria-label={`${t('evaluation.managerScore')}: ${criterion.name}`}
                      type="number"
                      min={0}
                      max={criterion.maxPoints / 100}
                      step={0.25}
                      style={{ width: 88 }}
                      value={(managerScores[criterion.code] ?? 0) / 100}
                      onChange={(event) =>
                        setManagerScores((s) => ({
                          ...s,
                          [criterion.code]: Math.min(
                            criterion.maxPoints,
                            Math.max(0, Math.round(Number(event.target.value) * 100) || 0),
                          ),
                        }))
                      }
                    />
                  ) : (
                    hundredths(sheet.generalManager[criterion.code], lang)
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <dl className="facts" style={{ marginTop: 12 }}>
          {sheet.selfNote ? (
            <>
              <dt>{t('evaluation.selfNote')}</dt>
              <dd>{sheet.selfNote}</dd>
            </>
          ) : null}
          {sheet.managerNote ? (
            <>
              <dt>{t('evaluation.managerNote')}</dt>
              <dd>{sheet.managerNote}</dd>
            </>
          ) : null}
          {sheet.collectiveNote ? (
            <>
              <dt>{t('evaluation.collectiveNote')}</dt>
              <dd>{sheet.collectiveNote}</dd>
            </>
          ) : null}
        </dl>
      </Panel>

      {data.actions.length > 0 ? (
        <Panel level={3}>
          <Flex vertical gap={8}>
            <label htmlFor="sheet-note">{t('evaluation.note')}</label>
            <Input.TextArea
              id="sheet-note"
              value={note}
              maxLength={4000}
              autoSize={{ minRows: 2, maxRows: 6 }}
              onChange={(event) => setNote(event.target.value)}
            />
            {can('veto') ? (
              <Radio.Group
                aria-label={t('evaluation.vetoCase')}
                value={veto ?? ''}
                onChange={(event) => setVeto((event.target.value || null) as EvaluationVeto | null)}
                options={[
                  { value: '', label: t('evaluation.noVeto') },
                  ...EVALUATION_VETOES.map((v) => ({ value: v, label: EVALUATION_VETO_LABELS[v][lang] })),
                ]}
                style={{ display: 'flex', flexDirection: 'column', gap: 4 }}
              />
            ) : null}
            {can('decide') ? (
              <Checkbox checked={demote} onChange={(event) => setDemote(event.target.checked)}>
                {t('evaluation.demote')}
              </Checkbox>
            ) : null}
            <Flex gap={8} wrap>
              {can('self_assess') ? (
                <Button
                  type="primary"
                  loading={action.isPending}
                  onClick={() => run({ action: 'self_assess', generalScores: selfScores, ...(note ? { note } : {}) })}
                >
                  {label('self_assess')}
                </Button>
              ) : null}
              {can('review') ? (
                <Button
                  type="primary"
                  loading={action.isPending}
                  onClick={() => run({ action: 'review', generalScores: managerScores, ...(note ? { note } : {}) })}
                >
                  {label('review')}
                </Button>
              ) : null}
              {can('collective') ? (
                <Button
                  type="primary"
                  loading={action.isPending}
                  disabled={!note.trim()}
                  onClick={() => run({ action: 'collective', note })}
                >
                  {label('collective')}
                </Button>
              ) : null}
              {can('decide') ? (
                <Button type="primary" loading={action.isPending} onClick={() => run({ action: 'decide', demote })}>
                  {label('decide')}
                </Button>
              ) : null}
              {can('veto') && veto !== sheet.veto ? (
                <Button onClick={() => run({ action: 'veto', veto, ...(note ? { note } : {}) })}>
                  {label('veto')}
                </Button>
              ) : null}
              {can('return') ? (
                <Button danger disabled={!note.trim()} onClick={() => run({ action: 'return', note })}>
                  {label('return')}
                </Button>
              ) : null}
            </Flex>
          </Flex>
        </Panel>
      ) : null}

      {data.history.length > 0 ? (
        <Panel title={t('evaluation.history')} level={3}>
          <ol style={{ margin: 0, paddingLeft: 20 }}>
            {data.history.map((event) => (
              <li key={event.seq}>
                {dateTime(event.at)} —{' '}
                {event.action in EVALUATION_FLOW
                  ? EVALUATION_FLOW[event.action as EvaluationAction].label[lang]
                  : event.action}
                {event.toStatus && event.toStatus in EVALUATION_SHEET_STATUS_LABELS
                  ? ` → ${EVALUATION_SHEET_STATUS_LABELS[event.toStatus as keyof typeof EVALUATION_SHEET_STATUS_LABELS][lang]}`
                  : ''}
                {event.note ? `: ${event.note}` : ''}
              </li>
            ))}
          </ol>
        </Panel>
      ) : null}
    </Flex>
  );
};
