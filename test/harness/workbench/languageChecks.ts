// What only the workbench shows of the request language support (issue 12): the suggestion list
// inside a string, the Run Request key, and the settings editor's verdict on the authority setting.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Page } from 'playwright-core';
import { type Check, clickDialogButton, DIALOG, openFile, runCommand, tryThrice } from '../workbenchChecks';

const SUGGESTIONS = '.editor-widget.suggest-widget';

export async function runLanguageChecks(page: Page, check: Check, workspace: string, license: string): Promise<void> {
  writeFileSync(
    join(workspace, 'typing.order.json'),
    [
      '{',
      '  "$schema": "partner-center:/schemas/order.schema.json",',
      '  "partnerOnRecordAttestationAccepted": true,',
      '  "billingCycle": "monthly",',
      '  "lineItems": [',
      `    { "lineItemNumber": 0, "offerId": "${license}", "quantity": 1, "termDuration": "P1M" }`,
      '  ]',
      '}',
      '',
    ].join('\n'),
  );

  await check('Ctrl+Space inside "monthly" lists the billing cycles, and no whole-document snippet', async () => {
    await openFile(page, workspace, 'typing.order.json');
    // Line 4 is `  "billingCycle": "monthly",`; column 23 is just after "mon.
    await page.locator('.editor-group-container.active .editor-instance .view-lines').first().click();
    await page.keyboard.press('Control+Home');
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown');
    for (let i = 0; i < 22; i++) await page.keyboard.press('ArrowRight');
    await page
      .locator('.editor-status-selection, [id="status.editor.selection"]')
      .filter({ hasText: 'Ln 4, Col 23' })
      .first()
      .waitFor();
    await page.keyboard.press('Control+Space');
    const rows = page.locator(`${SUGGESTIONS} .monaco-list-row`);
    await rows.filter({ hasText: 'monthly' }).first().waitFor();
    const labels = await rows.allInnerTexts();
    if (labels.some((l) => /pc-order|pc-cart/.test(l))) throw new Error(`snippets in the list: ${labels.join(' | ')}`);
    await page.keyboard.press('Escape');
  });

  await check('Ctrl+Alt+R in a request document runs it (the purchase confirmation opens)', async () => {
    await openFile(page, workspace, 'buy.order.json');
    await page.locator('.editor-group-container.active .editor-instance .view-lines').first().click();
    await page.keyboard.press('Control+Alt+R');
    const text = await page.locator(DIALOG).first().innerText();
    if (!text.includes('Place order for')) throw new Error(`unexpected dialog:\n${text}`);
    await clickDialogButton(page, 'Cancel');
    await page.locator(DIALOG).first().waitFor({ state: 'hidden' });
  });

  await check('the settings editor shows no error on the empty default of partnerCenter.auth.authority', async () => {
    await runCommand(page, 'Preferences: Open Settings (UI)');
    await page.locator('.settings-editor').first().waitFor();
    const item = page.locator('.settings-editor .setting-item').filter({ hasText: 'OpenID authority' }).first();
    // Keys typed before the search box has focus are lost: then the box is clicked and typed into again.
    await tryThrice(
      async () => {
        await page.keyboard.press('Control+A');
        await page.keyboard.type('@id:partnerCenter.auth.authority');
        // The text box is drawn with its validation: once it is there, so would be the error.
        await item.locator('input').first().waitFor({ timeout: 10_000 });
      },
      () => page.locator('.settings-editor .search-container').first().click(),
    );
    const message = (await item.locator('.setting-item-validation-message').allInnerTexts()).join(' ').trim();
    const invalid = await item.evaluate(
      (element) => element.querySelector('.invalid-input') !== null || element.classList.contains('invalid-input'),
    );
    if (message !== '' || invalid) throw new Error(`the setting is shown as invalid: "${message}"`);
  });
}
