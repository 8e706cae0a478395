import { i18n } from './index';
import { sipasVi } from './sipas-vi';

/*
 * Registers the texts of the SIPAS pages (`sipas.*`): the answer page and the console's campaigns. Imported by
 * those pages only. Vietnamese comes with the page; English is fetched when the reader uses it, as
 * ./citizen.ts does (i18next falls back to Vietnamese until it arrives).
 */
i18n.addResourceBundle('vi', 'translation', { sipas: sipasVi }, true, true);

let english: Promise<void> | undefined;
const loadEnglish = (): Promise<void> => {
  english ??= import('./sipas-en').then(({ sipasEn }) => {
    i18n.addResourceBundle('en', 'translation', { sipas: sipasEn }, true, true);
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
