import { expect, test } from 'vitest';
import policyHeader from '../../../src/core/auth/password_policy.h?raw';
import { MIN_PASSWORD_LENGTH, isPasswordTooShort, passwordLength } from './password';

test("the minimum length is the server's", () => {
  const m = policyHeader.match(/kMinCharacters\s*=\s*(\d+)/);
  expect(m).not.toBeNull();
  expect(MIN_PASSWORD_LENGTH).toBe(Number(m![1]));
});

test('length counts code points, as the server does', () => {
  expect(passwordLength('blåbærsyltetøy')).toBe(14);
  expect(passwordLength('😀😀')).toBe(2);
  expect(isPasswordTooShort('a'.repeat(MIN_PASSWORD_LENGTH - 1))).toBe(true);
  expect(isPasswordTooShort('æ'.repeat(MIN_PASSWORD_LENGTH))).toBe(false);
});
