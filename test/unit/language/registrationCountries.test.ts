// The validator and the emulator each keep their own list of the countries that require a
// registration number (the emulator stays independent of the language core, so that each checks
// the other). This test keeps the two lists from drifting apart: if they did, the validator would
// pass a customer the emulator refuses (600049), or warn about one it accepts.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { REGISTRATION_NUMBER_COUNTRIES } from '../../../common/src/language/rules/customerRules';
import { REGISTRATION_COUNTRIES } from '../../../emulator/src/routes/customers';

test('validator and emulator require a registration number in the same countries', () => {
  assert.deepEqual([...REGISTRATION_NUMBER_COUNTRIES].sort(), [...REGISTRATION_COUNTRIES].sort());
});
