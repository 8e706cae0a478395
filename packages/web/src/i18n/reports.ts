import { i18n } from './index';
import { reportImportEn } from './report-import-en';
import { reportImportVi } from './report-import-vi';
import { reportsEn } from './reports-en';
import { reportsVi } from './reports-vi';

/*
 * Registers the texts of the statistics and reports page (`reports.*`) and of the historical-dossier
 * import (`reportImport.*`). Imported by the reports' pages only (the officials' console), so the
 * texts stay out of the portal's first load. Both languages come together: they are small.
 */
i18n.addResourceBundle('vi', 'translation', { reports: reportsVi, reportImport: reportImportVi }, true, true);
i18n.addResourceBundle('en', 'translation', { reports: reportsEn, reportImport: reportImportEn }, true, true);
