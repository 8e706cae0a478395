import { documentRegistersVi } from './document-registers-vi';
import { registerTexts } from './register-texts';

/* Registers the texts of the document registers page (`documentRegisters.*`). Imported by that page only. */
registerTexts({ documentRegisters: documentRegistersVi }, () =>
  import('./document-registers-en').then(({ documentRegistersEn }) => ({ documentRegisters: documentRegistersEn })),
);
