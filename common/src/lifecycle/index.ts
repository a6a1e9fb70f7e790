// Public surface of the subscription lifecycle core (no `vscode` here): the actions table, the
// state a subscription's resource shows, and the propose / apply path the explorer and the CLI share.
export {
  availability,
  type Availability,
  type LifecycleActionId,
  type LifecyclePlan,
  type LifecycleRequest,
  planLifecycle,
  requestAvailability,
  upgradeAvailability,
} from './actions';
export {
  applyLifecycle,
  type FollowTuning,
  type LifecycleProposal,
  type LifecycleResult,
  type LifecycleStatus,
  type LifecycleTarget,
  proposeLifecycle,
  type ProposeOutcome,
  subscriptionPath,
} from './lifecycleChange';
export {
  describeScheduled,
  type ScheduledChange,
  subscriptionState,
  type SubscriptionState,
  timeLeft,
} from './subscriptionState';
export { lineDiff, reviewDocuments, type ReviewDocuments } from './review';
export {
  applyUpgrade,
  proposeUpgrade,
  readUpgradeTargets,
  type TransitionType,
  type UpgradeProposal,
  type UpgradeRequest,
  type UpgradeResult,
  upgradeReview,
  type UpgradeTarget,
} from './upgrade';
