// Plumbing for the run-request unit tests: an emulator per test, a client with short back-off, a
// context whose prompts record what they were asked and answer as the test says.
import { PartnerCenterClient } from '../../../common/src/api';
import { Journal, MemoryJournalStore, type PurchaseSummary, type RunContext, type RunPrompts } from '../../../common/src/send';
import { type RunningEmulator, startEmulator } from '../../../emulator/src/index';

export const TOKEN = 'unit-test-token-SECRET-42';

export interface RecordingPrompts extends RunPrompts {
  asked: PurchaseSummary[];
  previews: PurchaseSummary[];
}

export function recordingPrompts(answer = true, customerId?: string): RecordingPrompts {
  const asked: PurchaseSummary[] = [];
  const previews: PurchaseSummary[] = [];
  return {
    asked, previews,
    pickCustomer: async () => customerId,
    confirmPurchase: async (s) => {
      asked.push(s);
      return answer;
    },
    showCartPreview: async (s) => {
      previews.push(s);
    },
  };
}

export function makeContext(emu: RunningEmulator, prompts: RunPrompts, extra: Partial<RunContext> = {}): RunContext & { client: PartnerCenterClient } {
  const client = new PartnerCenterClient({ endpoint: emu.url, tokenProvider: { getToken: async () => TOKEN }, retry: { baseDelayMs: 10, maxDelayMs: 40 } });
  return {
    client, prompts, journal: new Journal(new MemoryJournalStore()),
    environment: { kind: 'emulator', label: `Emulator (${emu.url})` },
    documentUri: 'file:///work/test.order.json',
    retry: { baseDelayMs: 10 },
    ...extra,
  };
}

export async function withEmulator(run: (emu: RunningEmulator) => Promise<void>, options: Parameters<typeof startEmulator>[0] = {}): Promise<void> {
  const emu = await startEmulator({ seed: 7, provisioningDelayMs: 50, ...options });
  try {
    await run(emu);
  } finally {
    await emu.close();
  }
}

export function orderDocument(customerId: string | undefined, lines: { item: string; quantity: number }[], extra: Record<string, unknown> = {}): string {
  return JSON.stringify({
    $schema: 'partner-center:/schemas/order.schema.json',
    ...(customerId ? { referenceCustomerId: customerId } : {}),
    billingCycle: 'monthly',
    partnerOnRecordAttestationAccepted: true,
    lineItems: lines.map((l, i) => ({ lineItemNumber: i, offerId: l.item, quantity: l.quantity, termDuration: 'P1Y' })),
    ...extra,
  }, null, 2);
}

export const orderPosts = (emu: RunningEmulator, customerId: string) =>
  emu.requests.filter((r) => r.method === 'POST' && r.path.toLowerCase() === `/v1/customers/${customerId}/orders`.toLowerCase());
