import { Flex } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import '../../i18n/outgoing';
import { lazyWidget } from '../../components/lazyWidget';
import { Title } from '../../components/typography';

/** The form loads after the page shows, fetched at once (issue 16: first load ≤ 300 KB gzip). */
const OutgoingNewForm = lazyWidget(() => import('./OutgoingNewForm').then((m) => ({ default: m.OutgoingNewForm })));

/** A new draft: type, subject, urgency and confidentiality, normative flag, the drafting unit, the signer. */
export const OutgoingNewPage = () => {
  const { t } = useTranslation();
  return (
    <Flex vertical gap={16} style={{ maxWidth: 760 }}>
      <Link to="/can-bo/van-ban-di">← {t('outgoing.back')}</Link>
      <Title level={1} style={{ margin: 0 }}>
        {t('outgoing.newDraft')}
      </Title>
      <OutgoingNewForm />
    </Flex>
  );
};
