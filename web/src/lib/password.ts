// The server's password rule, as far as the browser can check it before sending:
// at least MIN_PASSWORD_LENGTH characters, counted as Unicode code points as the server
// counts them (src/core/auth/password_policy.h, kMinCharacters; password.test.ts compares).
// The rest of the rule (dictionary words, too systematic, the username) only the server
// knows; its answer names the field.
export const MIN_PASSWORD_LENGTH = 15;

export function passwordLength(password: string): number {
  return [...password].length;
}

export function isPasswordTooShort(password: string): boolean {
  return passwordLength(password) < MIN_PASSWORD_LENGTH;
}
