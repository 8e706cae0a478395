import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { findAgencies } from '../features/agencies/useAgencies';
import { LazySelect } from './lazyAntd';
import '../i18n/console-admin';

type Props = {
  id?: string;
  value?: string;
  onChange?: (value: string | undefined) => void;
  province?: string | null;
  exclude?: string[];
  /** Shown before any search (e.g. the official's own agencies). */
  initialOptions?: { id: string; name: string; code: string }[];
  placeholder?: string;
  style?: React.CSSProperties;
};

/** Chooses an agency by typing part of its name or code (accent-insensitive search on the server). */
export const AgencySelect = ({
  id,
  value,
  onChange,
  province,
  exclude = [],
  initialOptions = [],
  placeholder,
  style,
}: Props) => {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const found = useQuery({
    queryKey: ['agencies', 'search', province ?? null, q],
    queryFn: ({ signal }) => findAgencies({ q, province: province ?? undefined, pageSize: 20 }, signal),
    enabled: q.trim().length >= 2,
  });
  const options = [
    ...(q.trim().length >= 2 ? (found.data?.items ?? []) : initialOptions).map((a) => ({
      value: a.id,
      label: `${a.name} (${a.code})`,
    })),
  ].filter((o) => !exclude.includes(o.value));
  return (
    <LazySelect<string>
      id={id}
      value={value}
      onChange={(v) => onChange?.(v)}
      allowClear
      showSearch={{ filterOption: false, onSearch: setQ }}
      loading={found.isFetching}
      placeholder={placeholder ?? t('agencies.searchLabel')}
      options={options}
      notFoundContent={null}
      style={{ width: '100%', ...style }}
    />
  );
};
