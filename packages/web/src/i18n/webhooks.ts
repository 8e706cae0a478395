import { i18n } from './index';
import { webhooksVi } from './webhooks-vi';

/*
 * Registers the texts of the webhook page (`webhooks.*`), imported by that page only. Vietnamese comes with the
 * page; English is fetched when the reader uses it, as ./citizen.ts does.
 */
i18n.addResourceBundle('vi', 'translation', { webhooks: webhooksVi }, true, true);

let english: Promise<void> | undefined;
const loadEnglish = (): Promise<void> => {
  english ??= import('./webhooks-en').then(({ webhooksEn }) => {
    i18n.addResourceBundle('en', 'translation', { webhooks: webhooksEn }, true, true);
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
