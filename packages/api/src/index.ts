// The public surface of @spool/api: the router, its context and the seams a host plugs in.
export type { Actor, UserActor } from "./actor";
export type { ChangeOrigin, ChangeSink, ThreadChange } from "./changes/thread-change";
export { RecordingChangeSink } from "./changes/thread-change";
export { createContext, type Context, type ContextOptions } from "./context";
export type { ServiceDeps } from "./deps";
export { errorCodes, type ErrorCode } from "./errors";
export { handleApiRequest, type ApiHandlerOptions } from "./http/api-handler";
export {
  fetchHeaders,
  handleNodeApiRequest,
  writeFetchResponse,
  type NodeApiHandlerOptions,
} from "./http/node-handler";
export { limits } from "./limits";
export {
  defaultRatePolicies,
  ratePolicies,
  RateLimits,
  type RatePolicies,
  type TranslationBudget,
} from "./rate-limits";
export { appRouter, createCaller, type AppRouter } from "./root";
export { TokenCache } from "./services/identity/token-cache";
export type { ErrorData } from "./trpc";
export type { MessageView, ReactionSummary } from "./shapes/message";
export type { ThreadView } from "./shapes/thread";
export { handleChannelAuth, type ChannelAuthOptions } from "./realtime/channel-auth-handler";
export { PusherPublisher } from "./realtime/pusher-publisher";
export {
  realtimeDiscovery,
  realtimeSettings,
  type RealtimeClientConfig,
  type RealtimeSettings,
} from "./realtime/settings";
export { Translator, type TranslatorOptions } from "./translation/translator";
export { AutoTranslatingPublisher } from "./translation/auto-translate";
export {
  providerFromSettings,
  translationSetupHint,
  type TranslationSettings,
} from "./translation/provider-from-settings";
export type { TranslationOutcome } from "./translation/outcome";
export type { ProviderName, TranslationProvider } from "./translation/provider";
export type { MessageTranslationView } from "./services/translation/translate-message";
export type { TranslationLanguages } from "./services/translation/list-languages";
export type { ListedMessage } from "./services/messages/list-messages";
export { userForOAuthAccount } from "./services/accounts/oauth-account";
export { verifyCredentials } from "./services/accounts/verify-credentials";
