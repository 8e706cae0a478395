import { accountVi } from './account-vi';
import { registerTexts } from './register-texts';

/* Registers the texts of the official's own account page (`account.*`). Imported by that page only. */
registerTexts({ account: accountVi }, () => import('./account-en').then(({ accountEn }) => ({ account: accountEn })));
