import { DownOutlined } from '@ant-design/icons';
import { Button, type ButtonProps } from 'antd';
import { forwardRef } from 'react';
import { useTranslation } from 'react-i18next';

export type UserMenuProps = {
  fullName: string;
  roleLines: string[];
  narrow: boolean;
  onChangePassword: () => void;
  onSignOut: () => void;
};

/** The official's name in the header: it opens their roles, the password change and sign-out (./UserMenu.tsx). */
export const UserButton = forwardRef<HTMLButtonElement, UserMenuProps & Omit<ButtonProps, 'children'>>(
  ({ fullName, roleLines: _roles, narrow, onChangePassword: _changePassword, onSignOut: _signOut, ...rest }, ref) => {
    const { t } = useTranslation();
    return (
      <Button
        ref={ref}
        type="text"
        style={{ color: '#fff' }}
        aria-label={`${fullName} — ${t('auth.myRoles')}`}
        {...rest}
      >
        <span style={{ display: 'inline-flex', alignItems: 'center', gap: 6 }}>
          <span
            style={{
              // On a 390 px phone the header holds the menu button, the name of the system, the language switch
              // and this: the name gives way first.
              maxWidth: narrow ? 84 : 260,
              overflow: 'hidden',
              textOverflow: 'ellipsis',
              display: 'inline-block',
              verticalAlign: 'bottom',
            }}
          >
            {fullName}
          </span>
          <DownOutlined aria-hidden />
        </span>
      </Button>
    );
  },
);
