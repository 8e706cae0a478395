import { i18n } from './index';
import { parEn, parSetsEn } from './par-sets-en';
import { parSetsVi, parVi } from './par-sets-vi';

/*
 * Registers the texts of the PAR Index section (`par.*`) and its criteria-set pages (`parSets.*`). Imported by
 * those pages only (the officials' console). Both languages come together: they are small.
 */
i18n.addResourceBundle('vi', 'translation', { par: parVi, parSets: parSetsVi }, true, true);
i18n.addResourceBundle('en', 'translation', { par: parEn, parSets: parSetsEn }, true, true);
