import { CheckCircleFilled } from '@ant-design/icons';
import { Button, Flex } from 'antd';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { SubmitResult } from '../../api/portal-types';
import { Panel } from '../../components/Panel';
import { StatusTag } from '../../components/StatusTag';
import { formatDateTime } from '../../lib/format';
import { TEXT_SUCCESS } from '../../theme';

/** After submitting: the dossier code and tracking PIN to keep, the status, and what happens next. */
export const SubmitDone = ({ result, procedureName }: { result: SubmitResult; procedureName: string }) => {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const big = { fontSize: 22, fontWeight: 700, letterSpacing: 0.5, overflowWrap: 'anywhere' } as const;
  return (
    <Panel>
      <Flex vertical gap={12} data-testid="submit-done">
        <h1 ref={heading} tabIndex={-1} style={{ fontSize: 24, margin: 0, color: TEXT_SUCCESS, outline: 'none' }}>
          <CheckCircleFilled aria-hidden /> {t('citizen.submit.doneTitle')}
        </h1>
        <p style={{ margin: 0 }}>{procedureName}</p>
        <dl className="facts" style={{ alignItems: 'baseline' }}>
          <dt>{t('citizen.dossier.code')}</dt>
          <dd style={big} data-testid="dossier-code">
            {result.code}
          </dd>
          <dt>{t('citizen.dossier.pin')}</dt>
          <dd style={big} data-testid="tracking-pin">
            {result.trackingPin}
          </dd>
          <dt>{t('citizen.dossier.status')}</dt>
          <dd>
            <StatusTag status={result.status} />
          </dd>
          {result.dueAt ? (
            <>
              <dt>{t('citizen.dossier.dueAt')}</dt>
              <dd>{formatDateTime(result.dueAt)}</dd>
            </>
          ) : null}
        </dl>
        <section aria-labelledby="done-next">
          <h2 id="done-next" style={{ fontSize: 17, margin: '8px 0' }}>
            {t('citizen.submit.doneNext')}
          </h2>
          <ol style={{ margin: 0, paddingInlineStart: 20 }}>
            <li>{t('citizen.submit.doneNext1')}</li>
            <li>{t('citizen.submit.doneNext2')}</li>
            <li>{t('citizen.submit.doneNext3')}</li>
          </ol>
        </section>
        <Flex gap={8} wrap>
          <Link to={`/ca-nhan/ho-so/${encodeURIComponent(result.code)}`}>
            <Button type="primary" size="large" tabIndex={-1}>
              {t('citizen.submit.viewDossier')}
            </Button>
          </Link>
          <Link to="/ca-nhan/ho-so">
            <Button size="large" tabIndex={-1}>
              {t('citizen.dossiers.title')}
            </Button>
          </Link>
        </Flex>
      </Flex>
    </Panel>
  );
};
