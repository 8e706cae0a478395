import {
  ArrowLeftOutlined,
  CheckCircleFilled,
  CheckCircleOutlined,
  DownloadOutlined,
  ExclamationCircleOutlined,
  FileDoneOutlined,
  SafetyCertificateOutlined,
} from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Col, Flex, Row } from 'antd';
import { lazy, type ReactNode, Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { CitizenDossier, CitizenPayment, DossierComponent } from '../../api/portal-types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageLoading } from '../../components/PageLoading';
import { Panel } from '../../components/Panel';
import { SoftTag, type Tone } from '../../components/SoftTag';
import { StatusTag } from '../../components/StatusTag';
import { formatBytes } from '../../lib/files';
import { formatDateTime, formatVnd } from '../../lib/format';
import { TEXT_SUCCESS, TEXT_WARNING } from '../../theme';
import '../../i18n/citizen';
import { DossierFacts, HistoryList, NextStepNote, StepsList } from '../portal/ProgressView';
import { PayPanel, RatedNote, RatingPanel, SupplementPanel, WithdrawButton } from './DossierActions';
import { forgetPayment, goToPayment, isBackFromPayment } from './payment-return';
import { RequireCitizen } from './RequireCitizen';
import { fetchCitizenDossier } from './useMyDossiers';

// Loaded only for a dossier with a filled application form, outside the portal's first load.
const EFormView = lazy(() => import('../eforms/EFormView'));

const muted = { color: 'rgba(0,0,0,0.68)' } as const;
const PAYMENT_TONES: Record<CitizenPayment['status'], Tone> = {
  pending: 'warning',
  succeeded: 'success',
  failed: 'danger',
};

const Section = ({ id, title, children }: { id: string; title: string; children: ReactNode }) => (
  <Panel title={title} titleId={id} style={{ marginBottom: 16 }}>
    {children}
  </Panel>
);

/** After the payment platform sends the citizen back: what became of the last payment. */
const PaymentReturn = ({ dossier }: { dossier: CitizenDossier }) => {
  const { t } = useTranslation();
  const last = dossier.payments.at(-1);
  if (!last) {
    return null;
  }
  const [type, text] =
    last.status === 'succeeded'
      ? (['success', t('citizen.dossier.paidNotice')] as const)
      : last.status === 'failed'
        ? (['error', t('citizen.dossier.paymentFailedNotice')] as const)
        : (['info', t('citizen.dossier.paymentPendingNotice')] as const);
  return <Alert type={type} showIcon title={text} data-testid="payment-return" />;
};

const Payments = ({ dossier }: { dossier: CitizenDossier }) => {
  const { t, i18n } = useTranslation();
  return (
    <ul style={{ listStyle: 'none', margin: 0, padding: 0 }} data-testid="payments">
      {[...dossier.payments].reverse().map((payment) => (
        <li key={payment.id} style={{ padding: '8px 0', borderBottom: '1px solid #f3efeb' }}>
          <Flex justify="space-between" gap={8} wrap>
            <strong>{formatVnd(payment.amountVnd, i18n.language)}</strong>
            <SoftTag tone={PAYMENT_TONES[payment.status]}>{t(`citizen.dossier.payment_${payment.status}`)}</SoftTag>
          </Flex>
          <div style={{ fontSize: 13, overflowWrap: 'anywhere', ...muted }}>
            {t('citizen.dossier.paymentRef', { reference: payment.reference })}
          </div>
          <div style={{ fontSize: 13, ...muted }}>
            {payment.paidAt
              ? t('citizen.dossier.paidAt', { at: formatDateTime(payment.paidAt) })
              : t('citizen.dossier.startedAt', { at: formatDateTime(payment.createdAt) })}
          </div>
          {payment.status === 'succeeded' && !payment.appliedToDossier ? (
            <div style={{ fontSize: 13 }}>{t('citizen.dossier.notApplied')}</div>
          ) : null}
          {payment.receiptUrl ? (
            <a href={payment.receiptUrl} download data-testid="receipt-link">
              <DownloadOutlined aria-hidden /> {t('citizen.dossier.receipt')}
            </a>
          ) : null}
          {payment.status === 'pending' && payment.paymentUrl && dossier.status === 'financial_obligation' ? (
            <Button
              type="link"
              style={{ padding: 0 }}
              onClick={() => goToPayment(dossier.code, payment.paymentUrl ?? '')}
            >
              {t('citizen.dossier.continuePayment')}
            </Button>
          ) : null}
        </li>
      ))}
    </ul>
  );
};

const Documents = ({ documents, empty }: { documents: CitizenDossier['documents']; empty?: string }) => {
  const { t, i18n } = useTranslation();
  if (documents.length === 0) {
    return empty ? <p style={{ margin: 0, ...muted }}>{empty}</p> : null;
  }
  return (
    <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
      {documents.map((d) => (
        <li key={d.id} style={{ padding: '6px 0', borderBottom: '1px solid #f3efeb' }} data-kind={d.kind}>
          <div style={{ overflowWrap: 'anywhere' }}>
            <FileDoneOutlined aria-hidden style={{ color: '#8e1515' }} /> {d.name}
          </div>
          <Flex gap={12} wrap style={{ fontSize: 13 }}>
            {d.documentNo ? <span style={muted}>{t('citizen.dossier.documentNo', { no: d.documentNo })}</span> : null}
            {d.sizeBytes ? <span style={muted}>{formatBytes(d.sizeBytes, i18n.language)}</span> : null}
            {d.downloadUrl ? (
              <a href={d.downloadUrl} download>
                <DownloadOutlined aria-hidden /> {t('citizen.dossier.download')}
                <span className="visually-hidden">: {d.name}</span>
              </a>
            ) : null}
            {d.kind === 'result' && d.sha256 ? (
              <Link to={`/xac-minh/${d.sha256}`}>
                <SafetyCertificateOutlined aria-hidden /> {t('citizen.dossier.verify')}
                <span className="visually-hidden">: {d.name}</span>
              </Link>
            ) : null}
          </Flex>
        </li>
      ))}
    </ul>
  );
};

/** "1 bản chính, 1 bản sao" as recorded at the desk. */
const usePaperText = () => {
  const { t } = useTranslation();
  return (originals: number, copies: number) =>
    [
      originals > 0 ? t('portal.original', { count: originals }) : '',
      copies > 0 ? t('portal.copy', { count: copies }) : '',
    ]
      .filter(Boolean)
      .join(', ');
};

/**
 * The papers of the dossier: each component the procedure asks for (required or not) with what was
 * handed in for it — the files (supplements included), data taken from the national databases,
 * papers at the desk — then any other file.
 */
const Components = ({ dossier, files }: { dossier: CitizenDossier; files: CitizenDossier['documents'] }) => {
  const { t } = useTranslation();
  const paper = usePaperText();
  const keys = new Set(dossier.components.map((c) => c.key));
  const others = files.filter((d) => !d.componentKey || !keys.has(d.componentKey));
  if (dossier.components.length === 0 && files.length === 0) {
    return <p style={{ margin: 0, ...muted }}>{t('citizen.dossier.noFiles')}</p>;
  }
  const state = (c: DossierComponent) => {
    if (!c.handedIn) {
      return (
        <span style={c.required ? { color: TEXT_WARNING } : muted}>
          {c.required ? <ExclamationCircleOutlined aria-hidden /> : null} {t('citizen.dossier.notHandedIn')}
        </span>
      );
    }
    // Online, each file is the electronic copy: the paper counts are the desk's.
    const onPaper = dossier.channel === 'online' ? '' : paper(c.handedIn.originals, c.handedIn.copies);
    return (
      <span style={{ color: TEXT_SUCCESS }}>
        <CheckCircleFilled aria-hidden />{' '}
        {[
          c.handedIn.files > 0 ? t('citizen.submit.fileCount', { count: c.handedIn.files }) : '',
          c.handedIn.fromData ? t('citizen.submit.fromDataShort') : '',
          onPaper ? t('citizen.submit.paperCopies', { text: onPaper }) : '',
        ]
          .filter(Boolean)
          .join(' · ') || t('citizen.dossier.handedIn')}
      </span>
    );
  };
  return (
    <ol style={{ listStyle: 'none', margin: 0, padding: 0 }} data-testid="components">
      {dossier.components.map((c) => (
        <li key={c.key} data-component={c.key} style={{ padding: '6px 0 8px', borderBottom: '1px solid #f3efeb' }}>
          <Flex justify="space-between" align="flex-start" gap={8}>
            <strong style={{ overflowWrap: 'anywhere', minWidth: 0 }}>{c.name}</strong>
            <SoftTag tone={c.required ? 'danger' : 'neutral'}>
              {c.required ? t('intake.requiredComponent') : t('intake.optionalComponent')}
            </SoftTag>
          </Flex>
          <div style={{ fontSize: 13 }}>{state(c)}</div>
          <Documents documents={files.filter((d) => d.componentKey === c.key)} />
        </li>
      ))}
      {others.length > 0 ? (
        <li style={{ padding: '6px 0 0' }}>
          <strong>{t('citizen.dossier.otherFiles')}</strong>
          <Documents documents={others} />
        </li>
      ) : null}
    </ol>
  );
};

const Detail = () => {
  const { t } = useTranslation();
  // What the citizen just did (the panel that did it is gone once the dossier moves on).
  const [notice, setNotice] = useState<string | null>(null);
  const { code = '' } = useParams();
  const queryClient = useQueryClient();
  // The payment platform sends the payer back here: say what became of the payment.
  const [backFromPayment] = useState(() => isBackFromPayment(code));
  const view = useQuery({
    queryKey: ['citizen', 'dossier', code],
    queryFn: ({ signal }) => fetchCitizenDossier(code, signal),
    // Read afresh on every visit and when the citizen comes back to the tab (a payment made elsewhere).
    staleTime: 0,
    refetchOnWindowFocus: true,
    // Back from paying, the platform's answer may come a moment later: look again for half a minute.
    refetchInterval: (query) =>
      backFromPayment && query.state.data?.payments.at(-1)?.status === 'pending' && query.state.dataUpdateCount < 15
        ? 2000
        : false,
  });

  useEffect(() => {
    if (backFromPayment) {
      forgetPayment();
    }
  }, [backFromPayment]);

  // Back (or forward) to this page from the browser's page cache, e.g. from the payment platform's
  // page: what is shown may be stale, so read it again.
  useEffect(() => {
    const onPageShow = (event: PageTransitionEvent) => {
      if (event.persisted) {
        void queryClient.invalidateQueries({ queryKey: ['citizen', 'dossier', code] });
      }
    };
    window.addEventListener('pageshow', onPageShow);
    return () => window.removeEventListener('pageshow', onPageShow);
  }, [queryClient, code]);

  useEffect(() => {
    document.title = `${t('citizen.dossier.code')} ${code} — ${t('app.portalName')}`;
  }, [t, code]);

  const back = (
    <Link to="/ca-nhan/ho-so">
      <ArrowLeftOutlined aria-hidden /> {t('citizen.dossier.back')}
    </Link>
  );
  if (view.isPending) {
    return <PageLoading />;
  }
  if (view.isError) {
    return (
      <Flex vertical gap={8}>
        {back}
        <ErrorAlert error={view.error} onRetry={() => void view.refetch()} />
      </Flex>
    );
  }
  const d = view.data;
  const results = d.documents.filter((doc) => doc.kind === 'result');
  const files = d.documents.filter((doc) => doc.kind !== 'result');
  const next = d.nextStep;
  const canWithdraw = d.actions.some((a) => a.action === 'withdraw');
  const applicationForm = d.applicationForm;

  return (
    <Flex vertical gap={16}>
      {back}
      <div>
        <h1 style={{ fontSize: 24, margin: 0, lineHeight: 1.35 }}>{d.procedure.name}</h1>
        <Flex gap={8} align="center" wrap style={{ marginTop: 6 }}>
          <span data-testid="dossier-code">{d.code}</span>
          <span data-testid="dossier-status">
            <StatusTag status={d.status} />
          </span>
          <Link
            to={`/thu-tuc/${encodeURIComponent(d.procedure.code)}?catalog=${encodeURIComponent(d.procedure.catalog)}`}
          >
            {t('citizen.dossier.aboutProcedure')}
          </Link>
        </Flex>
      </div>
      {backFromPayment ? <PaymentReturn dossier={d} /> : null}
      {notice ? (
        <Alert
          type="success"
          showIcon
          title={notice}
          closable={{ onClose: () => setNotice(null) }}
          data-testid="notice"
        />
      ) : null}
      <NextStepNote next={next}>
        {next.step === 'supplement' ? <SupplementPanel dossier={d} onSent={setNotice} /> : null}
        {next.step === 'pay' ? <PayPanel dossier={d} /> : null}
      </NextStepNote>
      {next.step === 'collect' || (next.step === 'rate' && results.length > 0) ? (
        <p style={{ margin: 0, ...muted }}>{t('citizen.dossier.collectHelp')}</p>
      ) : null}
      {next.step === 'rate' && !d.rating ? (
        <Panel>
          <RatingPanel dossier={d} />
        </Panel>
      ) : null}
      {d.rating ? <RatedNote rating={d.rating} /> : null}
      <Row gutter={[16, 0]}>
        <Col xs={24} lg={15}>
          {d.status === 'completed' || d.status === 'returned' ? (
            <Section id="results" title={t('citizen.dossier.results')}>
              {d.outcome ? (
                <p style={{ marginTop: 0 }}>
                  <CheckCircleOutlined aria-hidden /> {t(`citizen.dossier.outcome_${d.outcome}`)}
                </p>
              ) : null}
              <div data-testid="results">
                <Documents documents={results} empty={t('citizen.dossier.noResults')} />
              </div>
            </Section>
          ) : null}
          {applicationForm ? (
            <Section id="application-form" title={t('eformView.title')}>
              <Suspense fallback={<PageLoading />}>
                <EFormView form={applicationForm} headingLevel={3} />
              </Suspense>
            </Section>
          ) : null}
          <Section id="steps" title={t('citizen.progress.steps')}>
            <StepsList progress={d} />
          </Section>
          <Section id="history" title={t('citizen.progress.history')}>
            <HistoryList progress={d} owner />
          </Section>
        </Col>
        <Col xs={24} lg={9}>
          <Section id="facts" title={t('common.details')}>
            <DossierFacts
              stacked
              progress={d}
              agencyName={d.receivingAgency?.name ?? null}
              extra={
                <>
                  <dt>{t('citizen.dossier.pin')}</dt>
                  <dd>
                    <strong data-testid="tracking-pin">{d.trackingPin}</strong>
                    <div style={{ fontSize: 13, ...muted }}>{t('citizen.dossier.pinHelp')}</div>
                  </dd>
                </>
              }
            />
          </Section>
          {d.payments.length > 0 ? (
            <Section id="payments" title={t('citizen.dossier.payments')}>
              <Payments dossier={d} />
            </Section>
          ) : null}
          <Section id="files" title={t('citizen.dossier.files')}>
            <Components dossier={d} files={files} />
          </Section>
          {canWithdraw ? <WithdrawButton dossier={d} onWithdrawn={setNotice} /> : null}
        </Col>
      </Row>
    </Flex>
  );
};

/** One of my dossiers (/ca-nhan/ho-so/:code): progress, what to do (supplement, pay, rate), documents, results. */
export const MyDossierPage = () => <RequireCitizen>{() => <Detail />}</RequireCitizen>;
