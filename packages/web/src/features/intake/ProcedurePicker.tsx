import { useQuery } from '@tanstack/react-query';
import { Button, Empty, Space } from 'antd';
// Search from its own module: antd's Input also brings TextArea, Password and OTP.
import Search from 'antd/es/input/Search';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProcedureDetail } from '../../api/types';
import { Callout } from '../../components/Callout';
import { ErrorAlert } from '../../components/ErrorAlert';
import { SoftTag } from '../../components/SoftTag';
import { Text, Title } from '../../components/typography';
import { findDirectDuration, useProcedureText } from '../../lib/useProcedureText';
import { searchProcedures } from '../catalog/useCatalog';
import '../../i18n/console-work';

type Props = {
  catalog: string;
  chosen: ProcedureDetail | null;
  onChoose: (code: string) => void;
  choosing: string | null;
};

/** Step 1 of intake: find the procedure by name (accent-insensitive search) and choose it. */
export const ProcedurePicker = ({ catalog, chosen, onChoose, choosing }: Props) => {
  const { t } = useTranslation();
  const text = useProcedureText();
  const [q, setQ] = useState('');
  const search = useQuery({
    queryKey: ['procedures', 'intake', catalog, q],
    queryFn: ({ signal }) => searchProcedures({ q, catalog, pageSize: 10 }, signal),
    enabled: q.trim().length > 0,
  });

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <div>
        <label htmlFor="intake-procedure-search" style={{ display: 'block', fontWeight: 500, marginBottom: 6 }}>
          {t('intake.findProcedure')}
        </label>
        <Search
          id="intake-procedure-search"
          placeholder={t('intake.findProcedurePlaceholder')}
          enterButton={t('common.search')}
          allowClear
          size="large"
          onSearch={(value) => setQ(value.trim())}
          loading={search.isFetching}
        />
      </div>
      {search.isError ? <ErrorAlert error={search.error} /> : null}
      {q && search.data ? (
        search.data.items.length === 0 ? (
          <Empty description={t('intake.noResults')} />
        ) : (
          <ul className="pick-list">
            {search.data.items.map((item) => (
              <li key={item.code}>
                <div style={{ minWidth: 0, flex: 1 }}>
                  <div style={{ fontWeight: 500 }}>{item.name}</div>
                  <Space size={8} wrap style={{ color: 'rgba(0, 0, 0, 0.68)' }}>
                    <SoftTag>{item.code}</SoftTag>
                    <span>{item.field.name}</span>
                    {item.duration || item.durationText ? (
                      <span>· {text.duration(item.duration, item.durationText)}</span>
                    ) : null}
                  </Space>
                </div>
                <Button
                  type={chosen?.code === item.code ? 'primary' : 'default'}
                  onClick={() => onChoose(item.code)}
                  loading={choosing === item.code}
                  aria-label={`${t('intake.chooseProcedure')}: ${item.name}`}
                >
                  {t('intake.chooseProcedure')}
                </Button>
              </li>
            ))}
          </ul>
        )
      ) : null}
      {chosen ? (
        <div style={{ border: '1px solid #d9c7c7', background: '#fffafa', borderRadius: 8, padding: 16 }}>
          <Text strong>{t('intake.chosen')}</Text>
          <Title level={3} style={{ fontSize: 18, margin: '4px 0 12px' }} data-testid="chosen-procedure">
            {chosen.name}
          </Title>
          <dl className="facts">
            <dt>{t('catalog.code')}</dt>
            <dd>{chosen.code}</dd>
            <dt>{t('catalog.field')}</dt>
            <dd>{chosen.field.name}</dd>
            <dt>{t('intake.duration')}</dt>
            <dd>{chosen.current ? text.duration(findDirectDuration(chosen.current.content)) : '—'}</dd>
          </dl>
          {chosen.current ? null : <Callout type="warning" title={t('intake.noCurrentVersion')} />}
        </div>
      ) : null}
    </Space>
  );
};
