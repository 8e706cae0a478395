import { dvcqgVi } from './integration-dvcqg-vi';
import { registerTexts } from './register-texts';

/* Registers the texts of the national portal connection (`dvcqg.*`). Imported by its pages and the dossier panel. */
registerTexts({ dvcqg: dvcqgVi }, () => import('./integration-dvcqg-en').then(({ dvcqgEn }) => ({ dvcqg: dvcqgEn })));
