import { consoleAdminVi } from './console-admin-vi';
import { registerTexts } from './register-texts';

/** Registers the texts of administration: the catalogue, agencies, officials, the working calendar and the job queues; imported by the files that use them. */
registerTexts(consoleAdminVi, () => import('./console-admin-en').then((m) => m.consoleAdminEn));
