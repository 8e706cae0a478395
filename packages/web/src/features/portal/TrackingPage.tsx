import { SearchOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Col, Input, Row } from 'antd';
import { type FormEvent, type ReactNode, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageLoading } from '../../components/PageLoading';
import { Panel } from '../../components/Panel';
import '../../i18n/citizen';
import { DOSSIER_CODE_PATTERN } from '@motcua/domain/dossier/dossier-code';
import { useCitizen } from '../citizen/useCitizen';
import { fetchCitizenDossier } from '../citizen/useMyDossiers';
import { DossierFacts, HistoryList, NextStepNote, StepsList } from './ProgressView';
import { trackDossier } from './usePortal';

type Lookup = { code: string; factor: string };

/** A labelled input with its help and its error (announced, and tied to the input by aria-describedby). */
const Field = ({
  id,
  label,
  help,
  error,
  input,
}: {
  id: string;
  label: string;
  help?: string;
  error?: string | undefined;
  input: ReactNode;
}) => (
  <div style={{ marginBottom: 16 }}>
    <label htmlFor={id} style={{ display: 'block', fontWeight: 600, marginBottom: 6 }}>
      {label}
    </label>
    {input}
    {help ? (
      <div id={`${id}-help`} style={{ fontSize: 13, color: 'rgba(0,0,0,0.68)', marginTop: 4 }}>
        {help}
      </div>
    ) : null}
    {error ? (
      <div id={`${id}-error`} role="alert" style={{ color: '#c41d1d', fontSize: 14, marginTop: 4 }}>
        {error}
      </div>
    ) : null}
  </div>
);

/**
 * Tra cứu hồ sơ: a dossier's progress without signing in, by its code and the last 4 digits of the
 * applicant's ID number or tax code (or the receipt's PIN). Reached from the QR code of the receipt
 * (?ma=CODE).
 */
export const TrackingPage = () => {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const code = (params.get('ma') ?? '').trim().toUpperCase();
  const [errors, setErrors] = useState<{ code?: string; factor?: string }>({});
  // Each search asks again (n), even for the same code and value.
  const [lookup, setLookup] = useState<(Lookup & { n: number }) | null>(null);
  const citizen = useCitizen();
  const resultRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    document.title = `${t('citizen.tracking.title')} — ${t('app.portalName')}`;
  }, [t]);

  const tracked = useQuery({
    queryKey: ['tracking', lookup?.code, lookup?.factor, lookup?.n],
    queryFn: ({ signal }) => trackDossier(lookup?.code ?? '', lookup?.factor ?? '', signal),
    enabled: lookup !== null,
    retry: false,
    staleTime: 0,
    gcTime: 0,
  });
  // A signed-in citizen who owns the dossier is offered its full page.
  const mine = useQuery({
    queryKey: ['citizen', 'dossier', tracked.data?.code],
    queryFn: ({ signal }) => fetchCitizenDossier(tracked.data?.code ?? '', signal),
    enabled: Boolean(citizen.data && tracked.data),
    retry: false,
  });

  useEffect(() => {
    if (tracked.data || tracked.isError) {
      resultRef.current?.focus();
    }
  }, [tracked.data, tracked.isError]);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const codeValue = String(data.get('code') ?? '')
      .trim()
      .toUpperCase();
    const factor = String(data.get('factor') ?? '').trim();
    const found = {
      code: !codeValue
        ? t('common.required', { field: t('citizen.tracking.code') })
        : DOSSIER_CODE_PATTERN.test(codeValue)
          ? undefined
          : t('citizen.tracking.codeInvalid'),
      factor: !factor
        ? t('common.required', { field: t('citizen.tracking.factor') })
        : /^(\d{4}|\d{6})$/.test(factor)
          ? undefined
          : t('citizen.tracking.factorInvalid'),
    };
    setErrors(found);
    if (found.code || found.factor) {
      document.getElementById(found.code ? 'tracking-code' : 'tracking-factor')?.focus();
      return;
    }
    setLookup((previous) => ({ code: codeValue, factor, n: (previous?.n ?? 0) + 1 }));
  };

  return (
    <div style={{ maxWidth: 880, margin: '0 auto' }}>
      <h1 style={{ fontSize: 24, marginTop: 0 }}>{t('citizen.tracking.title')}</h1>
      <Panel>
        <p style={{ marginTop: 0 }}>{t('citizen.tracking.intro')}</p>
        {/* A plain form (antd's Form would add 9 KB to a page people open from a QR code on a phone). */}
        <form name="tracking" noValidate onSubmit={onSubmit}>
          <Row gutter={16}>
            <Col xs={24} md={14}>
              <Field
                id="tracking-code"
                label={t('citizen.tracking.code')}
                error={errors.code}
                input={
                  <Input
                    id="tracking-code"
                    name="code"
                    defaultValue={code}
                    placeholder={t('citizen.tracking.codePlaceholder')}
                    autoComplete="off"
                    spellCheck={false}
                    status={errors.code ? 'error' : undefined}
                    aria-invalid={errors.code ? true : undefined}
                    aria-describedby={errors.code ? 'tracking-code-error' : undefined}
                  />
                }
              />
            </Col>
            <Col xs={24} md={10}>
              <Field
                id="tracking-factor"
                label={t('citizen.tracking.factor')}
                help={t('citizen.tracking.factorHelp')}
                error={errors.factor}
                input={
                  <Input
                    id="tracking-factor"
                    name="factor"
                    inputMode="numeric"
                    maxLength={6}
                    autoComplete="off"
                    autoFocus={Boolean(code)}
                    status={errors.factor ? 'error' : undefined}
                    aria-invalid={errors.factor ? true : undefined}
                    aria-describedby={`tracking-factor-help${errors.factor ? ' tracking-factor-error' : ''}`}
                  />
                }
              />
            </Col>
          </Row>
          <Button type="primary" htmlType="submit" icon={<SearchOutlined aria-hidden />} loading={tracked.isFetching}>
            {t('citizen.tracking.submit')}
          </Button>
        </form>
      </Panel>
      <div ref={resultRef} tabIndex={-1} aria-live="polite" style={{ marginTop: 16, outline: 'none' }}>
        {tracked.isError ? <ErrorAlert error={tracked.error} /> : null}
        {tracked.isFetching && !tracked.data ? <PageLoading /> : null}
        {tracked.data ? (
          <Panel title={t('citizen.tracking.result', { code: tracked.data.code })} titleId="tracking-result">
            <div style={{ display: 'flex', flexDirection: 'column', gap: 16 }}>
              {mine.data ? (
                <Link to={`/ca-nhan/ho-so/${encodeURIComponent(tracked.data.code)}`}>
                  {t('citizen.tracking.openMine')}
                </Link>
              ) : null}
              <NextStepNote next={tracked.data.nextStep} />
              <DossierFacts progress={tracked.data} agencyName={tracked.data.receivingAgency?.name ?? null} />
              <section aria-labelledby="tracking-steps">
                <h3 id="tracking-steps" style={{ fontSize: 16 }}>
                  {t('citizen.progress.steps')}
                </h3>
                <StepsList progress={tracked.data} />
              </section>
              <section aria-labelledby="tracking-history">
                <h3 id="tracking-history" style={{ fontSize: 16 }}>
                  {t('citizen.progress.history')}
                </h3>
                <HistoryList progress={tracked.data} />
              </section>
            </div>
          </Panel>
        ) : null}
      </div>
    </div>
  );
};
