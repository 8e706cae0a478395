import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { changeLanguage, type Language } from '../i18n';

/** Vietnamese / English. `compact` shows "VI" / "EN" (narrow screens); the full names stay as tooltips. */
export const LanguageSwitch = ({
  size = 'middle',
  compact = false,
}: {
  size?: 'small' | 'middle';
  compact?: boolean;
}) => {
  const { t, i18n } = useTranslation();
  const language: Language = i18n.language === 'en' ? 'en' : 'vi';
  return (
    <Segmented<Language>
      size={size}
      aria-label={t('app.language')}
      // One Tab stop (the chosen language; the arrows change it), not two: antd also makes the group itself focusable.
      tabIndex={-1}
      value={language}
      onChange={(value) => void changeLanguage(value)}
      options={[
        {
          label: (
            <span lang="vi" title="Tiếng Việt">
              {compact ? 'VI' : 'Tiếng Việt'}
            </span>
          ),
          value: 'vi',
        },
        {
          label: (
            <span lang="en" title="English">
              {compact ? 'EN' : 'English'}
            </span>
          ),
          value: 'en',
        },
      ]}
    />
  );
};
