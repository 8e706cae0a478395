import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/client';
import { Callout } from './Callout';

type Props = { error: unknown; onRetry?: () => void; extra?: string[] };

/** "45 giây", "15 phút", "1 giờ 5 phút": how long to wait, from a Retry-After in seconds. */
const useWaitText = () => {
  const { t } = useTranslation();
  return (seconds: number): string => {
    if (seconds < 60) {
      return t('time.second', { count: Math.max(1, Math.round(seconds)) });
    }
    const minutes = Math.ceil(seconds / 60);
    const hours = Math.floor(minutes / 60);
    const rest = minutes % 60;
    return [hours > 0 ? t('time.hour', { count: hours }) : '', rest > 0 ? t('time.minute', { count: rest }) : '']
      .filter(Boolean)
      .join(' ');
  };
};

/**
 * An API error as the reader should see it: the problem's title and detail in their language,
 * each field message, and the stable code (to quote to support). Never a stack trace.
 */
export const ErrorAlert = ({ error, onRetry, extra = [] }: Props) => {
  const { t } = useTranslation();
  const waitText = useWaitText();
  if (!error) {
    return null;
  }
  const api = isApiError(error) ? error : undefined;
  const title = api?.title ?? t('common.errorTitle');
  // "thử lại sau 897 giây" reads better as "thử lại sau 15 phút" (from the Retry-After header).
  const seconds = api?.retryAfter;
  const secondsText = seconds ? new RegExp(`\\b${seconds} (giây|seconds?)`) : undefined;
  const rawDetail = api?.detail ?? t('app.crashText');
  // A lockout already says when, in minutes and at a clock time ("sau 15 phút, lúc 10:42").
  const waitInDetail = Boolean(seconds && (secondsText?.test(rawDetail) || /\b\d{1,2}:\d{2}\b/.test(rawDetail)));
  const detail = seconds && secondsText ? rawDetail.replace(secondsText, waitText(seconds)) : rawDetail;
  const fieldMessages = [...new Set([...(api?.fieldErrors.map((e) => e.message) ?? []), ...extra])];
  return (
    <Callout
      type="error"
      title={title}
      description={
        <>
          {detail && detail !== title ? <div data-testid={seconds ? 'retry-after' : undefined}>{detail}</div> : null}
          {seconds && !waitInDetail ? (
            <div data-testid="retry-after-extra">{t('common.retryAfter', { time: waitText(seconds) })}</div>
          ) : null}
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
