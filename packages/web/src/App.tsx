import { QueryClientProvider } from '@tanstack/react-query';
import { ConfigProvider } from 'antd';
// The ES modules (antd/locale/* are CommonJS copies of them); en_US is antd's own default locale.
import enUS from 'antd/es/locale/en_US';
import viVN from 'antd/es/locale/vi_VN';
import dayjs from 'dayjs';
import { Suspense, useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { RouterProvider } from 'react-router';
import { queryClient } from './api/query-client';
import { PageLoading } from './components/PageLoading';
import { createRouter } from './routes';
import { theme } from './theme';

const Providers = () => {
  const { i18n } = useTranslation();
  const language = i18n.language === 'en' ? 'en' : 'vi';
  const router = useMemo(() => createRouter(), []);
  useEffect(() => {
    dayjs.locale(language === 'en' ? 'en' : 'vi');
    // Problem messages come back in the new language on the next request.
    void queryClient.invalidateQueries();
  }, [language]);
  return (
    <ConfigProvider locale={language === 'en' ? enUS : viVN} theme={theme}>
      <Suspense fallback={<PageLoading />}>
        <RouterProvider router={router} />
      </Suspense>
    </ConfigProvider>
  );
};

export const App = () => (
  <QueryClientProvider client={queryClient}>
    <Providers />
  </QueryClientProvider>
);
