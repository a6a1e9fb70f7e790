// The run host activate builds outside production only (extension development and tests): the
// window's own dialogs, trust and tuning until a test replaces one, and again after it restores it.
import { type Confirmer } from './confirmer';
import { type RetryTuning, type RunHost, windowRunHost } from './runHost';

export class TestRunHost implements RunHost {
  private replacedConfirmer: Confirmer | undefined;
  private replacedTrust: (() => boolean) | undefined;
  private tuning: RetryTuning | undefined;

  confirmer(): Confirmer {
    return this.replacedConfirmer ?? windowRunHost.confirmer();
  }

  isTrusted(): boolean {
    return this.replacedTrust ? this.replacedTrust() : windowRunHost.isTrusted();
  }

  retry(): RetryTuning | undefined {
    return this.tuning ?? windowRunHost.retry();
  }

  /** Undefined restores the modal dialogs. */
  setConfirmer(confirmer: Confirmer | undefined): void {
    this.replacedConfirmer = confirmer;
  }

  /** Undefined restores the workspace's trust. */
  setTrusted(isTrusted: (() => boolean) | undefined): void {
    this.replacedTrust = isTrusted;
  }

  setRetry(retry: RetryTuning | undefined): void {
    this.tuning = retry;
  }
}
