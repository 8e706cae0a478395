import { Flex } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import '../../i18n/work-tasks';
import { SoftTag } from '../../components/SoftTag';
import { Text } from '../../components/typography';
import { formatDateTime } from '../../lib/format';
import type { TaskListItem } from './useTasks';

/** A line of a list: title, state, lead, deadline — overdue in red (a list: readable at 390 px). */
export const TaskLine = ({ item }: { item: TaskListItem }) => {
  const { t, i18n } = useTranslation();
  const language = i18n.language === 'en' ? 'en' : 'vi';
  return (
    <li
      style={{
        borderBottom: '1px solid #f0f0f0',
        padding: '10px 8px',
        background: item.overdue ? '#fff1f0' : undefined,
      }}
      data-testid="task-line"
      data-overdue={item.overdue ? 'true' : 'false'}
    >
      <Flex justify="space-between" gap={8} wrap>
        <Link to={`/can-bo/cong-viec/${item.id}`} style={{ fontWeight: 600 }}>
          {item.title}
        </Link>
        <Flex gap={4} wrap>
          {item.urgent ? <SoftTag tone="danger">{t('tasks.urgent')}</SoftTag> : null}
          {item.confidential ? <SoftTag tone="warning">{t('tasks.confidential')}</SoftTag> : null}
          {item.overdue ? <SoftTag tone="danger">{t('tasks.overdue')}</SoftTag> : null}
          {item.completionClass ? (
            <SoftTag tone={item.completionClass === 'late' ? 'danger' : 'success'}>
              {t(`tasks.completion_${item.completionClass}`)}
            </SoftTag>
          ) : (
            <SoftTag>{item.statusLabel[language]}</SoftTag>
          )}
        </Flex>
      </Flex>
      <Text type="secondary" style={{ fontSize: 13 }}>
        {t('tasks.lead')}: {item.leadUserName ?? item.leadUnitName ?? '—'} · {t('tasks.assignedBy')}:{' '}
        {item.assignedByName ?? '—'} · {t('tasks.progress')} {item.progressPercent}%
      </Text>
      <div style={{ fontSize: 13, color: item.overdue ? '#b42318' : undefined }}>
        {t('tasks.due')} {formatDateTime(item.dueAt)}
        {item.dueAt !== item.originalDueAt ? ` (${t('tasks.originalDue')} ${formatDateTime(item.originalDueAt)})` : ''}
      </div>
    </li>
  );
};
