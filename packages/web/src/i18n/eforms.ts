import { eformsEn } from './eforms-en';
import { eformsVi } from './eforms-vi';
import { i18n } from './index';

/*
 * Registers the texts of the application form renderer (`eforms.*`) and its console editor
 * (`formEditor.*`). Imported by the renderer and the editor only, so the texts load with them and stay
 * out of the portal's first load. Both languages come together: they are small.
 */
i18n.addResourceBundle('vi', 'translation', eformsVi, true, true);
i18n.addResourceBundle('en', 'translation', eformsEn, true, true);
