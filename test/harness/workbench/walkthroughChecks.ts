// The walkthrough as a new user meets it (issue 12): each step is completed by doing it. Showing the
// Customers view is not browsing a customer; opening one is. Run before any other check opens a
// customer, so the step starts unchecked.
import { type Page } from 'playwright-core';
import { waitFor } from '../../support/waitFor';
import { type Check, openWalkthrough, pane } from '../workbenchChecks';

export async function runWalkthroughChecks(page: Page, check: Check): Promise<void> {
  await check('the walkthrough\'s "Browse a customer" is completed by opening a customer, not by showing the view', async () => {
    await openWalkthrough(page);
    const step = page.locator('.getting-started-step').filter({ hasText: 'Browse a customer' }).first();
    await step.waitFor();
    const customers = pane(page, 'Customers');
    const opened = !(await customers.isVisible());
    if (opened) await page.locator('.activitybar [aria-label^="Partner Center"]').first().click();
    const customer = customers.locator('.monaco-list-row[aria-level="1"]').first();
    await customer.waitFor();
    if ((await step.getAttribute('aria-checked')) === 'true') {
      throw new Error('"Browse a customer" is ticked before any customer was opened');
    }
    await customer.click();
    await customers.locator('.monaco-list-row[aria-level="2"]').first().waitFor();
    await waitFor('"Browse a customer" to be ticked', async () => (await step.getAttribute('aria-checked')) === 'true');
    // Left as the later checks expect it: the customer collapsed, the container as it was.
    await customer.click();
    if (opened) await page.locator('.activitybar [aria-label^="Partner Center"]').first().click();
    await page.keyboard.press('Control+K');
    await page.keyboard.press('W');
  });
}
