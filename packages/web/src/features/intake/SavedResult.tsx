import { PrinterOutlined } from '@ant-design/icons';
import { Button, Result, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formUrl } from '../../api/client';
import { Panel } from '../../components/Panel';
import '../../i18n/console-work';

type Props = { code: string; outcome: 'receive' | 'supplement' | 'refuse'; onAnother: () => void };

/** The end of intake: the dossier's code, the slip to print, and the way to the next applicant. */
export const SavedResult = ({ code, outcome, onAnother }: Props) => {
  const { t } = useTranslation();
  const printed = outcome === 'receive' ? 'receipt' : outcome === 'supplement' ? 'supplement_request' : 'refusal';
  const title =
    outcome === 'receive'
      ? t('intake.savedTitle', { code: code })
      : outcome === 'supplement'
        ? t('intake.savedSupplement', { code: code })
        : t('intake.savedRefuse', { code: code });
  const printLabel =
    outcome === 'receive'
      ? t('intake.printReceipt')
      : outcome === 'supplement'
        ? t('intake.printSupplement')
        : t('intake.printRefusal');
  return (
    <Panel>
      <Result
        status="success"
        title={<span data-testid="intake-saved">{title}</span>}
        extra={
          <Space wrap style={{ justifyContent: 'center' }}>
            <Button
              type="primary"
              size="large"
              icon={<PrinterOutlined />}
              href={formUrl(code, printed)}
              target="_blank"
              rel="noopener"
            >
              {printLabel}
            </Button>
            <Link to={`/can-bo/ho-so/${encodeURIComponent(code)}`}>
              <Button size="large">{t('intake.openDossier')}</Button>
            </Link>
            <Button size="large" onClick={onAnother}>
              {t('intake.another')}
            </Button>
          </Space>
        }
      />
    </Panel>
  );
};
