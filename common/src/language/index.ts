// Public surface of the request language service.
export {
  getLanguageService,
  type LanguageSettings,
  type LanguageServiceOptions,
  type RequestLanguageService,
} from './languageService';
export { type ParsedRequest } from './parsedRequest';
export {
  CATALOG_OFF,
  catalogKey,
  catalogView,
  isCatalogItemId,
  type CatalogAvailability,
  type CatalogItemInfo,
  type CatalogSource,
  type CatalogView,
  type CustomerSummary,
} from './catalog';
export { codes, DIAGNOSTIC_SOURCE } from './codes';
export { type CompletionData, type DocumentSnippet } from './completion';
export { type ValidationOptions } from './validation';
export {
  createApiCatalogSource,
  type ApiCatalogSource,
  type ApiCatalogSourceOptions,
  type CatalogClient,
} from './apiCatalogSource';
