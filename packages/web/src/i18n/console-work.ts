import { consoleWorkVi } from './console-work-vi';
import { registerTexts } from './register-texts';

/** Registers the texts of the dossier work: counter intake, the dossier page, its actions, results, forms and fees; imported by the files that use them. */
registerTexts(consoleWorkVi, () => import('./console-work-en').then((m) => m.consoleWorkEn));
