import { portalNewsVi } from './portal-news-vi';
import { registerTexts } from './register-texts';

/** Registers the texts of the portal news console page (`portalNews.*`); imported by that page only. */
registerTexts({ portalNews: portalNewsVi }, () =>
  import('./portal-news-en').then((m) => ({ portalNews: m.portalNewsEn })),
);
