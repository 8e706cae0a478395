import { provinceSiteVi } from './province-site-vi';
import { registerTexts } from './register-texts';

/** Registers the texts of the portal appearance page (`provinceSite.*`); imported by that page only. */
registerTexts({ provinceSite: provinceSiteVi }, () =>
  import('./province-site-en').then((m) => ({ provinceSite: m.provinceSiteEn })),
);
