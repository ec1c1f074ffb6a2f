// How long a password may be, in words a form can show (no dictionary here: the browser imports it).
export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 200;
