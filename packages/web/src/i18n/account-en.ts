import type { AccountMessages } from './account-vi';

export const accountEn: AccountMessages = {
  changePassword: 'Change password',
  intro: 'Change the sign-in password of the account {{username}}. The account’s other sessions will end.',
  mustChange: 'Your password was given by an administrator; change it before using the system.',
  currentPassword: 'Current password',
  newPassword: 'New password',
  repeatPassword: 'Repeat the new password',
  rulesTitle: 'The new password needs:',
  ruleLength: 'at least 10 characters;',
  ruleMix: 'both letters and digits;',
  ruleUsername: 'not to contain the username;',
  ruleDifferent: 'to differ from the current password.',
  mismatch: 'The repeated password does not match.',
  submit: 'Change password',
  changed: 'Password changed.',
};
