import { citizenVi } from './citizen-vi';
import { i18n } from './index';

/*
 * Registers the texts of the citizen pages (`citizen.*`). Imported by those pages only, so the texts
 * load with them and not with the portal's first page. Vietnamese comes with the pages; English is
 * fetched when the reader uses it (until it arrives, i18next falls back to Vietnamese, and the pages
 * re-render when it is added: `bindI18nStore: 'added'` in ./index.ts).
 */
i18n.addResourceBundle('vi', 'translation', { citizen: citizenVi }, true, true);

let english: Promise<void> | undefined;
const loadEnglish = (): Promise<void> => {
  english ??= import('./citizen-en').then(({ citizenEn }) => {
    i18n.addResourceBundle('en', 'translation', { citizen: citizenEn }, true, true);
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
