// Requests in the log (issue 12): each attempt is one line at the output channel's default level,
// info, with method, path, status, time and request id, and nothing secret (token, filter values).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { requestLogLine } from '../../../common/src/api/logging';
import { collectLogs, emulatorAndClient, TOKEN } from './helpers';

describe('request log lines', () => {
  test('a successful request is an info line with method, path, status, time and request id, and no secret', async (t) => {
    const { events, logger } = collectLogs();
    const { emu, client } = await emulatorAndClient(t, {}, { logger });
    await client.customers.listPage({ size: 5, filter: { field: 'CompanyName', value: 'Contoso' } });
    const { level, line } = requestLogLine(events[0]);
    assert.equal(level, 'info', 'shown at the default log level');
    const requestId = emu.requests[0].requestId!;
    assert.match(
      line,
      /^GET \/v1\/customers\?size=5&filter=\*\*\* → 200 in \d+ ms \(request [0-9a-f-]{36}, correlation [0-9a-f-]{36}\)$/,
    );
    assert.ok(line.includes(requestId));
    assert.ok(!line.includes(TOKEN) && !line.includes('Contoso'));
  });

  test('a failed request is a warning that says what came back', async (t) => {
    const { events, logger } = collectLogs();
    const { client } = await emulatorAndClient(t, {}, { logger });
    await client.customers.get('00000000-0000-4000-8000-00000000dead').catch(() => undefined);
    const { level, line } = requestLogLine(events[0]);
    assert.equal(level, 'warn');
    assert.match(line, /^GET \/v1\/customers\/00000000-0000-4000-8000-00000000dead → 404 in \d+ ms \(request /);
  });
});
