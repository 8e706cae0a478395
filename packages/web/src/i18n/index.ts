import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { setApiLanguage } from '../api/client';
import type { CitizenMessages } from './citizen-vi';
import type { EFormsMessages } from './eforms-vi';
import { en } from './en';
import type { ReportImportMessages } from './report-import-vi';
import type { ReportsMessages } from './reports-vi';
import { type Messages, vi } from './vi';

export type Language = 'vi' | 'en';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    // `citizen.*` is added when the citizen pages load (./citizen.ts), `reports.*` and
    // `reportImport.*` with the reports' pages (./reports.ts), `eforms.*` and `formEditor.*` with the
    // application form renderer and editor (./eforms.ts).
    resources: {
      translation: Messages &
        EFormsMessages & {
          citizen: CitizenMessages;
          reports: ReportsMessages;
          reportImport: ReportImportMessages;
        };
    };
  }
}

const STORAGE_KEY = 'motcua.language';

const initialLanguage = (): Language => {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'vi';
  } catch {
    return 'vi';
  }
};

const language = initialLanguage();
setApiLanguage(language);
if (typeof document !== 'undefined') {
  document.documentElement.lang = language;
}

void i18n.use(initReactI18next).init({
  resources: { vi: { translation: vi }, en: { translation: en } },
  lng: language,
  fallbackLng: 'vi',
  interpolation: { escapeValue: false },
  returnNull: false,
  // Pages re-render when texts are added later (the citizen pages' English, see ./citizen.ts).
  react: { bindI18nStore: 'added' },
});

export const changeLanguage = async (next: Language): Promise<void> => {
  try {
    localStorage.setItem(STORAGE_KEY, next);
  } catch {
    // private browsing: the choice lasts for this page only
  }
  document.documentElement.lang = next;
  setApiLanguage(next);
  await i18n.changeLanguage(next);
};

export const currentLanguage = (): Language => (i18n.language === 'en' ? 'en' : 'vi');

export { i18n };
