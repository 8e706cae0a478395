import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { isRouteErrorResponse, useRouteError } from 'react-router';
import { NotFoundPage } from './NotFoundPage';

/** Shown when a page fails to render or its code cannot be loaded: a plain message, never a stack. */
export const RouteError = () => {
  const error = useRouteError();
  const { t } = useTranslation();
  if (isRouteErrorResponse(error) && error.status === 404) {
    return <NotFoundPage />;
  }
  return (
    <div role="alert" style={{ textAlign: 'center', padding: '48px 16px' }}>
      <h1 style={{ fontSize: 24 }}>{t('app.crashTitle')}</h1>
      <p style={{ color: 'rgba(0,0,0,0.68)' }}>{t('app.crashText')}</p>
      <Button type="primary" onClick={() => window.location.reload()}>
        {t('app.reload')}
      </Button>
    </div>
  );
};
