import { useTranslation } from 'react-i18next';
import { changeLanguage, type Language } from '../i18n';

const OPTIONS: { value: Language; name: string; short: string }[] = [
  { value: 'vi', name: 'Tiếng Việt', short: 'VI' },
  { value: 'en', name: 'English', short: 'EN' },
];

/**
 * Vietnamese / English, drawn as antd's small Segmented control but made of two native radio buttons:
 * one Tab stop (the chosen language), the arrows change it, and none of antd's Segmented and Tooltip
 * code (9 KB gzip) before a page shows (issue 16). `compact` shows "VI" / "EN" (narrow screens); the
 * full names stay as tooltips.
 */
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
    <div role="radiogroup" aria-label={t('app.language')} className={`language-switch language-switch-${size}`}>
      {OPTIONS.map((option) => (
        <label key={option.value} lang={option.value} title={option.name}>
          <input
            type="radio"
            name="language"
            value={option.value}
            checked={language === option.value}
            onChange={() => void changeLanguage(option.value)}
          />
          <span>{compact ? option.short : option.name}</span>
        </label>
      ))}
    </div>
  );
};
