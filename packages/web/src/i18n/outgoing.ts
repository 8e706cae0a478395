import { i18n } from './index';
import { outgoingVi } from './outgoing-vi';

/*
 * Registers the texts of the outgoing documents pages (`outgoing.*`: lists, draft, review, signing;
 * văn bản đi). Imported by those pages only. Vietnamese comes with the page; English is fetched when the reader uses it, as
 * ./citizen.ts does (i18next falls back to Vietnamese until it arrives).
 */
i18n.addResourceBundle('vi', 'translation', { outgoing: outgoingVi }, true, true);

let english: Promise<void> | undefined;
const loadEnglish = (): Promise<void> => {
  english ??= import('./outgoing-en').then(({ outgoingEn }) => {
    i18n.addResourceBundle('en', 'translation', { outgoing: outgoingEn }, true, true);
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
