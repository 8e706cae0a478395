import { portalConsoleVi } from './portal-console-vi';
import { registerTexts } from './register-texts';

/** Registers the texts of the portal menu and decision console pages (`portalConsole.*`); imported by them only. */
registerTexts({ portalConsole: portalConsoleVi }, () =>
  import('./portal-console-en').then((m) => ({ portalConsole: m.portalConsoleEn })),
);
