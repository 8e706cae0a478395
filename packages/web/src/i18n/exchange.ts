import { exchangeVi } from './exchange-vi';
import { registerTexts } from './register-texts';

/* Registers the texts of the exchange page (`exchange.*`); imported by that page only. */
registerTexts({ exchange: exchangeVi }, () =>
  import('./exchange-en').then(({ exchangeEn }) => ({ exchange: exchangeEn })),
);
