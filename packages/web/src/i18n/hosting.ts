import { hostingVi } from './hosting-vi';
import { registerTexts } from './register-texts';

/* Registers the texts of the hosting centre's pages (`hosting.*`). Imported by those pages only. */
registerTexts({ hosting: hostingVi }, () => import('./hosting-en').then(({ hostingEn }) => ({ hosting: hostingEn })));
