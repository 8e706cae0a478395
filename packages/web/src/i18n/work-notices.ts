import { registerTexts } from './register-texts';
import { noticesVi } from './work-notices-vi';

/* Registers the texts of the officials' notices (`notices.*`): the page and the header's badge. */
registerTexts({ notices: noticesVi }, () =>
  import('./work-notices-en').then(({ noticesEn }) => ({ notices: noticesEn })),
);
