import { i18n } from './index';
import { parScorecardVi } from './par-scorecard-vi';

/*
 * Registers the texts of the PAR Index round and scorecard pages (`parScorecard.*`). Imported by those pages
 * only. Vietnamese comes with the pages; English is fetched when the reader uses it.
 */
i18n.addResourceBundle('vi', 'translation', { parScorecard: parScorecardVi }, true, true);

let english: Promise<void> | undefined;
const loadEnglish = (): Promise<void> => {
  english ??= import('./par-scorecard-en').then(({ parScorecardEn }) => {
    i18n.addResourceBundle('en', 'translation', { parScorecard: parScorecardEn }, true, true);
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
