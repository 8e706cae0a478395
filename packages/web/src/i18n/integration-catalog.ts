import { catalogPullVi } from './integration-catalog-vi';
import { registerTexts } from './register-texts';

/* Registers the texts of the catalog pull page (`catalogPull.*`). Imported by that page only. */
registerTexts({ catalogPull: catalogPullVi }, () =>
  import('./integration-catalog-en').then(({ catalogPullEn }) => ({ catalogPull: catalogPullEn })),
);
