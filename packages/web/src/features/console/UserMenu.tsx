import { KeyOutlined, LogoutOutlined } from '@ant-design/icons';
import { Dropdown } from 'antd';
import { useTranslation } from 'react-i18next';
import { UserButton, type UserMenuProps } from './UserButton';

/**
 * The official's roles, "Đổi mật khẩu" and sign-out, under their name in the header (loaded after the page, see
 * ConsoleLayout).
 */
export const UserMenu = (props: UserMenuProps) => {
  const { t } = useTranslation();
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items: [
          ...props.roleLines.map((line) => ({ key: line, label: line, disabled: true })),
          { type: 'divider' as const },
          {
            key: 'change-password',
            icon: <KeyOutlined />,
            label: t('auth.changePassword'),
            onClick: props.onChangePassword,
          },
          { key: 'sign-out', icon: <LogoutOutlined />, label: t('auth.signOut'), onClick: props.onSignOut },
        ],
      }}
    >
      <UserButton {...props} />
    </Dropdown>
  );
};
