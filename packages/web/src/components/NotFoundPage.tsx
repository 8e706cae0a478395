import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** A plain 404 (no antd Result: this page is part of the shell every visitor downloads). */
export const NotFoundPage = ({ home = '/' }: { home?: string }) => {
  const { t } = useTranslation();
  return (
    <div style={{ textAlign: 'center', padding: '48px 16px' }}>
      <p style={{ fontSize: 56, fontWeight: 700, color: '#8e1515', margin: 0 }} aria-hidden>
        404
      </p>
      <h1 style={{ fontSize: 24, margin: '8px 0' }}>{t('app.notFoundTitle')}</h1>
      <p style={{ color: 'rgba(0,0,0,0.68)' }}>{t('app.notFoundText')}</p>
      <Link to={home}>
        <Button type="primary" tabIndex={-1}>
          {t('app.backHome')}
        </Button>
      </Link>
    </div>
  );
};
