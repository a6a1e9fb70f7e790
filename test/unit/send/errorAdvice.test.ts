// The advice shown beside a Partner Center error (response document, CLI) explains the codes
// the emulator answers in the docs' meaning, not just by the HTTP status.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { adviceFor, adviceForCode } from '../../../common/src/send';
import { CART_LINE_ERRORS, ERRORS } from '../../../emulator/src/errorCodes';

test('every error code the emulator answers has advice of its own, not only the advice for its status', () => {
  const codes = [...Object.values(ERRORS), ...Object.values(CART_LINE_ERRORS)]
    .map((e): number | null => e.code)
    .filter((c): c is number => c !== null);
  assert.deepEqual(
    codes.filter((c) => adviceForCode(c) === undefined),
    [],
  );
});

test("codes the emulator once used for other conditions are explained in the docs' meaning", () => {
  assert.match(adviceForCode(800095)!.meaning, /seat quantity/, "error-codes.md: Can't update the seat quantity");
  assert.match(adviceForCode(900267)!.meaning, /transition/, "error-codes.md: Target transition can't have a shorter term");
  assert.match(adviceForCode(10015)!.meaning, /more seats/, 'cart-resources.md: Requested number of seats exceeds the limit');
});

test('a 401 without a code, as the MFA page shows it, mentions multi-factor authentication', () => {
  assert.match(adviceFor(401, undefined)!.meaning, /multi-factor/);
});
