import { useTranslation } from 'react-i18next';

/** The first focusable element: jumps over the navigation to the page's main content. */
export const SkipLink = () => {
  const { t } = useTranslation();
  return (
    <a className="skip-link" href="#main">
      {t('app.skipToContent')}
    </a>
  );
};
