import '../../../i18n/par-scorecard';
import { Alert, Button, Checkbox, Space, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LazySelect } from '../../../components/lazyAntd';
import { lazyWidget } from '../../../components/lazyWidget';
import { Panel } from '../../../components/Panel';
import { Paragraph, Text, Title } from '../../../components/typography';
import { hasRole, useMe } from '../../auth/useMe';
import {
  PAR_ROUND_DEADLINES,
  type ParAdvanceAction,
  type ParRound,
  type ParRoundUnits,
  useAdvanceParRound,
  useAssignParAppraiser,
  useParAppraiserCandidates,
  useParReminders,
  useParRoundAppraisers,
  useParRounds,
  useParRoundUnits,
} from './useParScorecard';

/** The create form loads after the page shows, fetched at once (issue 16: first load ≤ 300 KB gzip). */
const CreateParRoundForm = lazyWidget(() =>
  import('./CreateParRoundForm').then((m) => ({ default: m.CreateParRoundForm })),
);

type UnitStatus = ParRoundUnits['items'][number]['status'];

const NEXT_ACTION: Partial<Record<ParRound['stage'], ParAdvanceAction>> = {
  draft: 'open',
  self_assessment: 'start_appraisal_1',
  appraisal_1: 'start_explanation',
  explanation: 'start_appraisal_2',
  appraisal_2: 'start_council',
};
const DEADLINES = PAR_ROUND_DEADLINES;
const formatDate = (date: string | null) =>
  date ? `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}` : '—';

/** The units of a round the caller reaches, with status and lateness; the organiser assigns appraisers here. */
const RoundUnits = ({ round, organiser }: { round: ParRound; organiser: boolean }) => {
  const { t } = useTranslation();
  const [lateOnly, setLateOnly] = useState(false);
  const units = useParRoundUnits(round.id, lateOnly);
  const assign = useAssignParAppraiser(round.id);
  const [appraiser, setAppraiser] = useState<Record<string, string>>({});
  const [query, setQuery] = useState('');
  // The candidates are looked up once the organiser opens a picker, then on every search.
  const [searching, setSearching] = useState(false);
  const candidates = useParAppraiserCandidates(round.id, query.trim(), organiser && searching);
  const appraisers = useParRoundAppraisers(round.id, organiser);
  return (
    <div>
      {organiser && (
        <Checkbox
          checked={lateOnly}
          onChange={(event) => setLateOnly(event.target.checked)}
          data-testid="par-late-only"
        >
          {t('parScorecard.lateOnly')}
        </Checkbox>
      )}
      {units.data?.items.map((unit) => (
        <Panel key={unit.agencyId} style={{ marginTop: 8 }} data-testid={`par-unit-${unit.agencyCode}`}>
          <Space wrap>
            <Text strong>{unit.agencyName}</Text>
            <Tag color="green">{t(`parScorecard.status_${unit.status}`)}</Tag>
            {unit.late.map((field) => (
              <Tag key={field} color="red">
                {t('parScorecard.late')}: {t(`parScorecard.deadline_${field}`)}
              </Tag>
            ))}
            {unit.tags.map((tag) => (
              <Tag key={tag}>{tag}</Tag>
            ))}
            <Link to={`/can-bo/chi-so-cchc/dot-danh-gia/${round.id}/${unit.agencyId}`}>{t('parScorecard.open')}</Link>
          </Space>
          {organiser && (
            <div style={{ marginTop: 8 }}>
              <Space wrap size="small">
                <Text type="secondary">{t('parScorecard.appraisers')}:</Text>
                {appraisers.data?.items
                  .filter((a) => a.agencyId === unit.agencyId)
                  .map((a) => (
                    <Tag key={a.userId} color="blue" data-testid={`par-appraiser-${unit.agencyCode}`}>
                      {a.fullName}
                    </Tag>
                  ))}
              </Space>
              <Space.Compact style={{ width: '100%', marginTop: 8 }}>
                <LazySelect
                  showSearch={{ filterOption: false, onSearch: setQuery }}
                  data-testid={`par-appraiser-pick-${unit.agencyCode}`}
                  aria-label={t('parScorecard.appraiserPick')}
                  placeholder={t('parScorecard.appraiserPick')}
                  style={{ width: '100%' }}
                  value={appraiser[unit.agencyId]}
                  onChange={(userId: string) => setAppraiser({ ...appraiser, [unit.agencyId]: userId })}
                  onFocus={() => setSearching(true)}
                  loading={candidates.isFetching}
                  notFoundContent={candidates.isFetching ? null : t('parScorecard.appraiserNone')}
                  options={candidates.data?.items.map((c) => ({
                    value: c.userId,
                    label: c.title ? `${c.fullName} — ${c.title}` : c.fullName,
                  }))}
                />
                <Button
                  disabled={!appraiser[unit.agencyId]}
                  data-testid={`par-appraiser-assign-${unit.agencyCode}`}
                  loading={assign.isPending}
                  onClick={() => assign.mutate({ agencyId: unit.agencyId, userId: appraiser[unit.agencyId] ?? '' })}
                >
                  {t('parScorecard.assign')}
                </Button>
              </Space.Compact>
            </div>
          )}
        </Panel>
      ))}
      {assign.error && <Alert type="error" message={assign.error.message} />}
    </div>
  );
};

/**
 * The PAR Index rounds the official takes part in. The organiser (Sở Nội vụ) creates the round of a year with
 * its deadlines, advances it stage by stage, sees the late units and assigns appraisers; units and appraisers
 * open their scorecards from here.
 */
export const ParRoundsPage = () => {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const rounds = useParRounds();
  const reminders = useParReminders();
  const advance = useAdvanceParRound();
  const organiser = hasRole(me, 'par_organiser');
  const province = me?.provinceCode ?? null;
  return (
    <div style={{ maxWidth: 960 }}>
      <Title level={3} style={{ fontSize: 18 }}>
        {t('parScorecard.roundsTitle')}
      </Title>
      {(reminders.data?.items.length ?? 0) > 0 && (
        <Alert
          type="warning"
          style={{ marginBottom: 12 }}
          data-testid="par-reminders"
          message={t('parScorecard.reminders')}
          description={
            <ul style={{ paddingLeft: 18, margin: 0 }}>
              {reminders.data?.items.map((r) => (
                <li key={r.id}>
                  {r.agencyName}: {t(`parScorecard.deadline_${r.deadline}`)} {formatDate(r.dueDate)}
                </li>
              ))}
            </ul>
          }
        />
      )}
      {rounds.data?.items.length === 0 && <Paragraph>{t('parScorecard.noRounds')}</Paragraph>}
      {rounds.data?.items.map((round) => {
        const next = NEXT_ACTION[round.stage];
        return (
          <Panel
            key={round.id}
            level={3}
            title={round.title}
            style={{ marginBottom: 12 }}
            data-testid={`par-round-${round.year}`}
          >
            <Space wrap>
              <Tag color="blue" data-testid="par-round-stage">
                {t(`parScorecard.stage_${round.stage}`)}
              </Tag>
              {Object.entries(round.progress).map(([status, count]) => (
                <Tag key={status}>
                  {t(`parScorecard.status_${status as UnitStatus}`)}: {count}
                </Tag>
              ))}
            </Space>
            <ul style={{ paddingLeft: 18 }}>
              {DEADLINES.map((field) => (
                <li key={field}>
                  {t(`parScorecard.deadline_${field}`)}: {formatDate(round.deadlines[field])}
                </li>
              ))}
            </ul>
            {organiser && next && (
              <Button
                type="primary"
                data-testid={`par-advance-${next}`}
                loading={advance.isPending}
                onClick={() => advance.mutate({ roundId: round.id, expectedVersion: round.version, action: next })}
              >
                {t(`parScorecard.advance_${next}`)}
              </Button>
            )}
            {advance.error && <Alert type="error" message={advance.error.message} style={{ marginTop: 8 }} />}
            <RoundUnits round={round} organiser={organiser} />
          </Panel>
        );
      })}
      {organiser && province && (
        <Panel level={3} title={t('parScorecard.createTitle')} style={{ marginBottom: 12 }}>
          <CreateParRoundForm provinceCode={province} />
        </Panel>
      )}
    </div>
  );
};
