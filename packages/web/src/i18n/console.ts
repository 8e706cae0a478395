import { consoleVi } from './console-vi';
import { registerTexts } from './register-texts';

/*
 * Registers the texts every page of the officials' console needs. Imported by the console's layout, its
 * sign-in page and each console page, so the texts load with them and stay out of the portal's first
 * load; ./console-work.ts and ./console-admin.ts add the texts of the pages that need them.
 */
registerTexts(consoleVi, () => import('./console-en').then((m) => m.consoleEn));
