import { signingConsoleVi } from './eoffice-signing-vi';
import { i18n } from './index';

/*
 * Registers the texts of the signing certificates page (`signingConsole.*`). Imported by that page only.
 * Vietnamese comes with the page; English is fetched when the reader uses it, as ./citizen.ts does.
 */
i18n.addResourceBundle('vi', 'translation', { signingConsole: signingConsoleVi }, true, true);

let english: Promise<void> | undefined;
const loadEnglish = (): Promise<void> => {
  english ??= import('./eoffice-signing-en').then(({ signingConsoleEn }) => {
    i18n.addResourceBundle('en', 'translation', { signingConsole: signingConsoleEn }, true, true);
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
