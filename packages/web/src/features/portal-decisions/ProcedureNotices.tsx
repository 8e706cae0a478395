import { DownloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Panel } from '../../components/Panel';
import '../../i18n/portal-decisions';
import { formatDate } from '../../lib/format';
import { useDecisionsOfProcedure, useProcedureForms } from './usePortalDecisions';

/**
 * On a procedure's page: its forms (mẫu đơn, tờ khai) with name and file type — a link where a file exists, the
 * name alone where the catalog names a form without a file — and the published decisions that changed it.
 */
export const ProcedureNotices = ({ code, catalog }: { code: string; catalog: string }) => {
  const { t } = useTranslation();
  const forms = useProcedureForms(code, catalog);
  const decisions = useDecisionsOfProcedure(code, catalog);
  const formItems = forms.data?.items ?? [];
  const decisionItems = decisions.data?.items ?? [];
  if (formItems.length === 0 && decisionItems.length === 0) {
    return null;
  }
  return (
    <Panel>
      {formItems.length > 0 ? (
        <section aria-labelledby="procedure-forms" style={{ marginBottom: 16 }} data-testid="procedure-forms">
          <h2 id="procedure-forms" style={{ fontSize: 18, marginTop: 0 }}>
            {t('portalDecisions.forms')}
          </h2>
          <ul style={{ paddingInlineStart: 20, margin: 0 }}>
            {formItems.map((form) => (
              <li key={form.componentKey} style={{ padding: '4px 0' }}>
                {form.url ? (
                  <a href={form.url} download>
                    <DownloadOutlined aria-hidden /> {form.name}
                  </a>
                ) : (
                  <span>{form.name}</span>
                )}
                {form.fileType ? ` (${form.fileType})` : ''}
                {form.url ? null : <span style={{ color: 'rgba(0,0,0,0.68)' }}> — {t('portalDecisions.noFile')}</span>}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {decisionItems.length > 0 ? (
        <section aria-labelledby="procedure-decisions" data-testid="procedure-decisions">
          <h2 id="procedure-decisions" style={{ fontSize: 18, marginTop: 0 }}>
            {t('portalDecisions.ofProcedure')}
          </h2>
          <ul style={{ paddingInlineStart: 20, margin: 0 }}>
            {decisionItems.map((d) => (
              <li key={d.id} style={{ padding: '4px 0' }}>
                <Link to={`/quyet-dinh-cong-bo/${d.id}`}>
                  {d.number} ({formatDate(d.signedOn)})
                </Link>{' '}
                — {d.changeLabel.vi}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </Panel>
  );
};
