import { Flex } from 'antd';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import '../../i18n/work-consultations';
import { PageLoading } from '../../components/PageLoading';
import { Title } from '../../components/typography';

const ConsultationNewForm = lazy(() =>
  import('./ConsultationNewForm').then((m) => ({ default: m.ConsultationNewForm })),
);

/** A new consultation: the draft (a file, or the outgoing draft it is opened from), recipients, the deadline. */
export const ConsultationNewPage = () => {
  const { t } = useTranslation();
  return (
    <Flex vertical gap={16} style={{ maxWidth: 760 }}>
      <Link to="/can-bo/lay-y-kien">← {t('consultations.back')}</Link>
      <Title level={1} style={{ margin: 0 }}>
        {t('consultations.create')}
      </Title>
      <Suspense fallback={<PageLoading />}>
        <ConsultationNewForm />
      </Suspense>
    </Flex>
  );
};
