// Public surface of the run-request core shared by the extension and the CLI (no `vscode` here).
export { describeExchange, responseDocument } from './responseDocument';
export { adviceFor, adviceForCode, type ErrorAdvice } from './errorAdvice';
export { exchange, type Exchange, type ExchangeOutcome, type HttpCall } from './exchange';
export { toHar } from './har';
export { History, MemoryHistoryStore, redactExchange, type HistoryRecord, type HistoryStore } from './history';
export { Journal, MemoryJournalStore, type JournalEntry, type JournalStore } from './journal';
export { SerialStore, type ListStore } from './serialStore';
export { JsonFileStore } from './fileStore';
export { mergeOver } from './merge';
export { planFromText, type SendPlan } from './plan';
export { matchKind } from './requestTarget';
export {
  confirmationText,
  type ConfirmationText,
  describeSummary,
  type EnvironmentInfo,
  type EnvironmentKind,
  type PurchaseLine,
  type PurchaseSummary,
} from './purchase';
export { checkEntry, recoverAll, type RecoveryOutcome } from './recovery';
export { redactBody, redactHeaders, redactText } from './redact';
export { runDocument, runPlan } from './runner';
export { type RunContext, type RunPrompts, type RunResult, type RunStatus } from './runTypes';
