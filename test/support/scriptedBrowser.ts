// Plays the browser for interactive sign-in: opens the authorization URL at the fake authority
// and submits the form_post page it answers to MSAL's loopback, as a real browser would.
import { type Dispatcher, request } from 'undici';

export interface ScriptedBrowser {
  /** Pass as the `openBrowser` of an interactive sign-in. */
  open(url: string): Promise<void>;
  /** URLs opened so far. */
  opened: string[];
  /** Settles once the last opened page finished posting (or failing). */
  done(): Promise<void>;
}

/** `behaviour: 'close'` opens nothing: the person closed the tab without signing in. */
export function scriptedBrowser(dispatcher: Dispatcher, behaviour: 'submit' | 'close' = 'submit'): ScriptedBrowser {
  const opened: string[] = [];
  let last: Promise<void> = Promise.resolve();
  const visit = async (url: string): Promise<void> => {
    const page = await request(url, { dispatcher });
    const html = await page.body.text();
    const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
    if (!action) throw new Error(`the authorize page has no form (status ${page.statusCode})`);
    const fields = new URLSearchParams();
    for (const m of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)) {
      fields.append(m[1]!, unescapeHtml(m[2]!));
    }
    const target = new URL(unescapeHtml(action));
    target.hostname = '127.0.0.1';
    const posted = await request(target, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: fields.toString(),
    });
    await posted.body.dump();
  };
  return {
    opened,
    open: async (url: string) => {
      opened.push(url);
      // Like a real browser, the page loads after openBrowser returned.
      if (behaviour === 'submit') last = visit(url);
    },
    done: () => last,
  };
}

function unescapeHtml(text: string): string {
  return text
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}
