import { consoleEn } from './console-en';
import { consoleVi } from './console-vi';
import { i18n } from './index';

/*
 * Registers the texts of the officials' console. Imported by the console's layout, its sign-in page and
 * each console page, so the texts load with them and stay out of the portal's first load. Both languages
 * come together. Deep merge: `intake.*`, `dossier.*` and `catalog.*` add to the keys the portal shares.
 */
i18n.addResourceBundle('vi', 'translation', consoleVi, true, true);
i18n.addResourceBundle('en', 'translation', consoleEn, true, true);
