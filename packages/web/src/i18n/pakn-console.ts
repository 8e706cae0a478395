import { i18n } from './index';
import { paknConsoleVi } from './pakn-console-vi';

/*
 * Registers the texts of the PAKN pages (`pakn.*`: the console inbox, entry and statistics, the public
 * answers). Imported by those pages only. Vietnamese comes with the page; English is fetched when the reader uses it, as
 * ./citizen.ts does (i18next falls back to Vietnamese until it arrives).
 */
i18n.addResourceBundle('vi', 'translation', { pakn: paknConsoleVi }, true, true);

let english: Promise<void> | undefined;
const loadEnglish = (): Promise<void> => {
  english ??= import('./pakn-console-en').then(({ paknConsoleEn }) => {
    i18n.addResourceBundle('en', 'translation', { pakn: paknConsoleEn }, true, true);
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
