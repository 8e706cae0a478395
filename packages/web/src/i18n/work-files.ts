import { i18n } from './index';
import { workFilesVi } from './work-files-vi';

/*
 * Registers the texts of the work files pages (`workFiles.*`: the list, the file page, the file list).
 * Imported by those pages only. Vietnamese comes with the page; English is fetched when the reader uses it, as
 * ./citizen.ts does (i18next falls back to Vietnamese until it arrives).
 */
i18n.addResourceBundle('vi', 'translation', { workFiles: workFilesVi }, true, true);

let english: Promise<void> | undefined;
const loadEnglish = (): Promise<void> => {
  english ??= import('./work-files-en').then(({ workFilesEn }) => {
    i18n.addResourceBundle('en', 'translation', { workFiles: workFilesEn }, true, true);
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
