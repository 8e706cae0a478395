/**
 * The payment platform sends the payer back to their dossier's page (/ca-nhan/ho-so/:code). The
 * portal remembers (sessionStorage, this tab only) which dossier the citizen left to pay for, so the
 * page they come back to can say what became of the payment and look again until the platform's
 * answer is in.
 */
const PAYING_KEY = 'motcua.paying';

/** Sends the citizen to the payment platform (the sandbox on a test installation). */
export const goToPayment = (code: string, url: string): void => {
  try {
    sessionStorage.setItem(PAYING_KEY, code);
  } catch {
    // private browsing: the dossier's page just shows the payment's status
  }
  window.location.assign(url);
};

/** Whether the citizen left this dossier's page to pay (and has not been back since). */
export const isBackFromPayment = (code: string): boolean => {
  try {
    return sessionStorage.getItem(PAYING_KEY) === code;
  } catch {
    return false;
  }
};

/** Forgets the payment the citizen left to make (once the page has taken note of the return). */
export const forgetPayment = (): void => {
  try {
    sessionStorage.removeItem(PAYING_KEY);
  } catch {
    // nothing was stored
  }
};
