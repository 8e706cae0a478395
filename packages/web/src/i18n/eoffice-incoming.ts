import { incomingVi } from './eoffice-incoming-vi';
import { i18n } from './index';

/*
 * Registers the texts of the incoming documents pages (`incoming.*`: the inbox, the register form, the
 * document page). Imported by those pages only. Vietnamese comes with the page; English is fetched when the reader uses it, as
 * ./citizen.ts does (i18next falls back to Vietnamese until it arrives).
 */
i18n.addResourceBundle('vi', 'translation', { incoming: incomingVi }, true, true);

let english: Promise<void> | undefined;
const loadEnglish = (): Promise<void> => {
  english ??= import('./eoffice-incoming-en').then(({ incomingEn }) => {
    i18n.addResourceBundle('en', 'translation', { incoming: incomingEn }, true, true);
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
