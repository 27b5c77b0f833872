/** The screen an account must pass through when an administrator chose its password. */
export const CHANGE_PASSWORD_PATH = '/account/password';
