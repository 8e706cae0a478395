import { i18n } from './index';
import { paknVi } from './pakn-vi';

/*
 * Registers the texts of the feedback page (`citizen.pakn.*`, the keys they always had). Imported by
 * that page only. Vietnamese comes with the page; English is fetched when the reader uses it, as
 * ./citizen.ts does (i18next falls back to Vietnamese until it arrives).
 */
i18n.addResourceBundle('vi', 'translation', { citizen: { pakn: paknVi } }, true, true);

let english: Promise<void> | undefined;
const loadEnglish = (): Promise<void> => {
  english ??= import('./pakn-en').then(({ paknEn }) => {
    i18n.addResourceBundle('en', 'translation', { citizen: { pakn: paknEn } }, true, true);
  });
  return english;
};
if (i18n.language === 'en') {
  void loadEnglish();
}
i18n.on('languageChanged', (language: string) => {
  if (language === 'en') {
    void loadEnglish();
  }
});
