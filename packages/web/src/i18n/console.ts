import { consoleVi } from './console-vi';
import { i18n } from './index';

/*
 * Registers the texts of the officials' console. Imported by the console's layout, its sign-in page and
 * each console page, so the texts load with them and stay out of the portal's first load. Deep merge:
 * `intake.*`, `dossier.*` and `catalog.*` add to the keys the portal shares. Vietnamese comes with the
 * pages; English is fetched when the reader uses it (as ./citizen.ts does; pages re-render when it is
 * added, `bindI18nStore: 'added'` in ./index.ts).
 */
i18n.addResourceBundle('vi', 'translation', consoleVi, true, true);

let english: Promise<void> | undefined;
const loadEnglish = (): Promise<void> => {
  english ??= import('./console-en').then(({ consoleEn }) => {
    i18n.addResourceBundle('en', 'translation', consoleEn, true, true);
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
