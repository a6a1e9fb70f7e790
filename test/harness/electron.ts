// `npm run test:electron`: the same integration suite in desktop VS Code, for machines that can
// download it (@vscode/test-electron fetches VS Code from the internet, which CI here cannot).
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runTests } from '@vscode/test-electron';
import { startAuthRig } from './authRig';
import { startEmulatorProcess } from './emulatorProcess';
import { excludeIsolatedSuites } from './isolatedSuites';

const repoRoot = resolve(__dirname, '..', '..', '..');

async function main(): Promise<number> {
  const authRig = await startAuthRig(repoRoot);
  const emulator = await startEmulatorProcess(repoRoot, ['--seed', '42', '--provisioning-delay-ms', '2000']);
  const workspace = mkdtempSync(join(tmpdir(), 'pc-electron-workspace-'));
  cpSync(join(repoRoot, 'test', 'fixtures', 'workspace'), workspace, { recursive: true });
  mkdirSync(join(workspace, '.vscode'), { recursive: true });
  writeFileSync(
    join(workspace, '.vscode', 'settings.json'),
    JSON.stringify({ 'partnerCenter.environment': 'emulator', 'partnerCenter.emulatorUrl': emulator.url }, null, 2),
  );
  const resultFile = join(workspace, '..', `pc-result-${process.pid}.json`);
  try {
    await runTests({
      extensionDevelopmentPath: repoRoot,
      extensionTestsPath: join(repoRoot, 'out', 'test', 'integration', 'index.js'),
      // The suites that need a host of their own (Restricted Mode, start-up) run under the code-server launcher; here trust is off.
      launchArgs: ['--disable-extensions', '--disable-workspace-trust', workspace],
      extensionTestsEnv: {
        PC_TEST_RESULT_FILE: resultFile,
        PC_EMULATOR_URL: emulator.url,
        ...authRig.environment,
        ...excludeIsolatedSuites(),
      },
    });
  } catch {
    // The result file below says what failed.
  } finally {
    await emulator.stop();
    await authRig.stop();
  }
  try {
    const result = JSON.parse(readFileSync(resultFile, 'utf8')) as { passed: number; failed: number };
    process.stdout.write(`${result.passed} passed, ${result.failed} failed\n`);
    return result.failed === 0 && result.passed > 0 ? 0 : 1;
  } catch {
    process.stdout.write('0 passed, 1 failed\n');
    return 1;
  }
}

void main().then((code) => process.exit(code));
