import { i18n } from './index';
import { tasksVi } from './work-tasks-vi';

/*
 * Registers the texts of the task pages (`tasks.*`: the lists, the task page, the assign form, tracking).
 * Imported by those pages only; English is fetched when the reader uses it, as ./eoffice-incoming.ts does.
 */
i18n.addResourceBundle('vi', 'translation', { tasks: tasksVi }, true, true);

let english: Promise<void> | undefined;
const loadEnglish = (): Promise<void> => {
  english ??= import('./work-tasks-en').then(({ tasksEn }) => {
    i18n.addResourceBundle('en', 'translation', { tasks: tasksEn }, true, true);
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
