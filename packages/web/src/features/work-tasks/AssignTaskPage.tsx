import { Flex } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import '../../i18n/work-tasks';
import { lazyWidget } from '../../components/lazyWidget';
import { Title } from '../../components/typography';

/** The form loads after the page shows, fetched at once (issue 16: first load ≤ 300 KB gzip). */
const AssignTaskForm = lazyWidget(() => import('./AssignTaskForm').then((m) => ({ default: m.AssignTaskForm })));

/**
 * "Giao việc": lead (an official or a unit), co-operators, a deadline in working days or a date; opened from
 * an incoming document's page ("Giao việc") or a calendar entry ("Tạo nhiệm vụ") prefilled with its subject and
 * linked to it.
 */
export const AssignTaskPage = () => {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = `${t('tasks.form_title')} — motcua`;
  }, [t]);
  return (
    <Flex vertical gap={16}>
      <Link to="/can-bo/cong-viec">← {t('tasks.back')}</Link>
      <Title level={1} style={{ fontSize: 22 }}>
        {t('tasks.form_title')}
      </Title>
      <AssignTaskForm />
    </Flex>
  );
};
