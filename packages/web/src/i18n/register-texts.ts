import { i18n } from './index';

/**
 * Adds texts that load with the pages using them: Vietnamese at once, English when the reader uses it
 * (until it arrives i18next falls back to Vietnamese, and pages re-render when it is added:
 * `bindI18nStore: 'added'` in ./index.ts). Deep merge: a namespace may add to the keys the shell has.
 */
export const registerTexts = (vi: object, loadEnglish: () => Promise<object>): void => {
  i18n.addResourceBundle('vi', 'translation', vi, true, true);
  let english: Promise<void> | undefined;
  const load = (): Promise<void> => {
    english ??= loadEnglish().then((en) => {
      i18n.addResourceBundle('en', 'translation', en, true, true);
    });
    return english;
  };
  if (i18n.language === 'en') {
    void load();
  }
  i18n.on('languageChanged', (language: string) => {
    if (language === 'en') {
      void load();
    }
  });
};
