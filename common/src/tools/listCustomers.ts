// partnercenter_list_customers: one page of the partner's customers, filtered by the service the way
// the explorer filters them (company name or domain starts with…), with a continuation for the next.
import { type Customer } from '../api/types';
import { type Page } from '../api/paging';
import { type AgentTool, ToolInputError } from './toolTypes';
import { plural } from './format';

interface Input {
  filter?: string;
  limit?: number;
  continuation?: string;
}

export const listCustomers: AgentTool<Input> = {
  name: 'partnercenter_list_customers',
  title: 'List Partner Center customers',
  description:
    "Lists the partner's customers in Partner Center (live data): id, company name and primary domain. " +
    'Use it first to turn a company name such as "Contoso" into the customer id the other tools need. ' +
    '`filter` matches the start of the company name or of the domain (the service supports only "starts with"). ' +
    'Answers at most `limit` customers; when there are more, pass the returned `continuation` to get the next page.',
  inputSchema: {
    type: 'object',
    properties: {
      filter: {
        type: 'string',
        minLength: 1,
        maxLength: 100,
        description: 'Start of the company name or domain, e.g. "Fabrikam" or "fabrikam.onmicrosoft".',
      },
      limit: { type: 'integer', minimum: 1, maximum: 100, description: 'Customers per page (1-100, default 20).' },
      continuation: {
        type: 'string',
        minLength: 1,
        description: 'The `continuation` of an earlier answer, to get the page after it. Give the same filter.',
      },
    },
    additionalProperties: false,
  },
  readsPartnerCenter: true,
  async run(input, ctx) {
    const client = ctx.host.client();
    const size = input.limit ?? 20;
    const read = (field: 'CompanyName' | 'Domain'): Promise<Page<Customer>> =>
      client.customers.listPage(
        { size, signal: ctx.signal, filter: input.filter ? { field, value: input.filter } : undefined },
        input.continuation,
      );
    let page: Page<Customer>;
    try {
      // A name is the usual question; a domain prefix is asked only when no company name matches.
      page = await read(input.filter?.includes('.') ? 'Domain' : 'CompanyName');
      if (input.filter && !input.continuation && page.items.length === 0 && !input.filter.includes('.')) {
        page = await read('Domain');
      }
    } catch (err) {
      // fetchPage refuses a continuation it did not make with a TypeError, before anything is sent.
      if (input.continuation && err instanceof TypeError) {
        throw new ToolInputError('continuation is not one this tool returned; call again without it to start over.');
      }
      throw err;
    }
    const customers = page.items.map((c) => ({
      id: c.id,
      companyName: c.companyProfile?.companyName,
      domain: c.companyProfile?.domain,
    }));
    const lines = customers.map((c) => `- ${c.companyName ?? '(no name)'} — ${c.domain ?? '(no domain)'} — id ${c.id}`);
    const what = input.filter ? ` whose name or domain starts with "${input.filter}"` : '';
    const more = page.hasMore ? '\nMore customers exist: pass `continuation` to get the next page.' : '';
    return {
      text: `${plural(customers.length, 'customer')}${what} in ${ctx.host.environment}:\n${lines.join('\n')}${more}`,
      structured: { environment: ctx.host.environment, customers, continuation: page.hasMore ? page.next : undefined },
    };
  },
};
