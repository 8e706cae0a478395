import { Alert, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/client';

type Props = { error: unknown; onRetry?: () => void; extra?: string[] };

/**
 * An API error as the reader should see it: the problem's title and detail in their language,
 * each field message, and the stable code (to quote to support). Never a stack trace.
 */
export const ErrorAlert = ({ error, onRetry, extra = [] }: Props) => {
  const { t } = useTranslation();
  if (!error) {
    return null;
  }
  const api = isApiError(error) ? error : undefined;
  const title = api?.title ?? t('common.errorTitle');
  const detail = api?.detail ?? t('app.crashText');
  const fieldMessages = [...new Set([...(api?.fieldErrors.map((e) => e.message) ?? []), ...extra])];
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      title={title}
      description={
        <>
          {detail && detail !== title ? <div>{detail}</div> : null}
          {fieldMessages.length > 0 ? (
            <ul style={{ margin: '4px 0 0', paddingInlineStart: 20 }}>
              {fieldMessages.map((message) => (
                <li key={message}>{message}</li>
              ))}
            </ul>
          ) : null}
          {api && api.code !== 'UNEXPECTED_RESPONSE' && api.code !== 'NETWORK' ? (
            <div style={{ fontSize: 12, color: 'rgba(0, 0, 0, 0.68)' }}>
              {t('common.errorCode', { code: api.code })}
            </div>
          ) : null}
        </>
      }
      action={
        onRetry ? (
          <Button size="small" onClick={onRetry}>
            {t('app.retry')}
          </Button>
        ) : undefined
      }
      style={{ marginBottom: 16 }}
    />
  );
};
