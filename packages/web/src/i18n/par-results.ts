import { i18n } from './index';
import { parResultsEn } from './par-results-en';
import { parResultsVi } from './par-results-vi';

/*
 * Registers the texts of the PAR Index results (`parResults.*`): the organiser's dashboard, the national table
 * and the portal's public page import it, so the texts stay out of every other page's load.
 */
i18n.addResourceBundle('vi', 'translation', { parResults: parResultsVi }, true, true);
i18n.addResourceBundle('en', 'translation', { parResults: parResultsEn }, true, true);
