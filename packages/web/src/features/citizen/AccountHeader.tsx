import { LogoutOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Flex } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { setCitizenCsrfToken } from '../../api/client';
import type { CitizenMe } from '../../api/portal-types';
import '../../i18n/citizen';
import { CITIZEN_ME_KEY, signOutCitizen } from './useCitizen';

/** 033090004321 → 033•••••4321 (the page may be read over a shoulder). */
const maskId = (value: string) => (value.length > 7 ? `${value.slice(0, 3)}•••••${value.slice(-4)}` : value);

/** The top of the citizen's pages: who is signed in, the sections, sign-out. */
export const AccountHeader = ({
  me,
  current,
  title,
  extra,
}: {
  me: CitizenMe;
  current: 'dossiers' | 'drafts';
  title: string;
  extra?: ReactNode;
}) => {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const signOut = useMutation({
    mutationKey: ['citizen', 'sign-out'],
    mutationFn: () => signOutCitizen(),
    onSettled: () => {
      void navigate('/', { replace: true });
      setCitizenCsrfToken(null);
      queryClient.removeQueries({ queryKey: ['citizen'] });
      queryClient.setQueryData(CITIZEN_ME_KEY, null);
    },
  });
  const sections = [
    { key: 'dossiers', to: '/ca-nhan/ho-so', label: t('citizen.account.dossiers') },
    { key: 'drafts', to: '/ca-nhan/nhap', label: t('citizen.account.drafts') },
  ] as const;
  return (
    <div style={{ marginBottom: 16 }}>
      <Flex justify="space-between" align="flex-start" gap={12} wrap>
        <div style={{ minWidth: 0 }}>
          <h1 style={{ fontSize: 24, margin: 0 }}>{title}</h1>
          <p style={{ margin: '4px 0 0', color: 'rgba(0,0,0,0.72)' }}>
            {t('citizen.account.greeting', { name: me.fullName })}
            {me.idNumber ? ` · ${t('citizen.account.idNumber', { value: maskId(me.idNumber) })}` : ''}
          </p>
        </div>
        <Flex gap={8} wrap align="center">
          {extra}
          <Button icon={<LogoutOutlined aria-hidden />} onClick={() => signOut.mutate()} loading={signOut.isPending}>
            {t('citizen.account.signOut')}
          </Button>
        </Flex>
      </Flex>
      <nav
        aria-label={t('citizen.account.sections')}
        className="portal-nav"
        style={{ background: 'transparent', marginTop: 8 }}
      >
        <ul style={{ padding: 0 }}>
          {sections.map((section) => (
            <li key={section.key}>
              <Link to={section.to} aria-current={current === section.key ? 'page' : undefined}>
                {section.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
    </div>
  );
};
