import { docVerifyVi } from './doc-verify-vi';
import { i18n } from './index';

/*
 * Registers the texts of the document verification page (`docVerify.*`). Imported by that page only;
 * English is fetched when the reader uses it, as ./pakn.ts does.
 */
i18n.addResourceBundle('vi', 'translation', { docVerify: docVerifyVi }, true, true);

let english: Promise<void> | undefined;
const loadEnglish = (): Promise<void> => {
  english ??= import('./doc-verify-en').then(({ docVerifyEn }) => {
    i18n.addResourceBundle('en', 'translation', { docVerify: docVerifyEn }, true, true);
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
