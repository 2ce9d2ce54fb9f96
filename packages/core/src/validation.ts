// @school-diary/core/validation — validation and the ru/en message catalogues on their own.
// The same functions as the main entry (which re-exports them too). A separate entry lets a
// client load the catalogues on first use, with `await import('@school-diary/core/validation')`,
// instead of with the page: the SDK's offline outbox does so when it checks a message.

export {
  validate,
  toFieldErrors,
  type FieldError,
  type ValidationResult,
} from './messages/field-errors.js';
export {
  errorMessage,
  interpolate,
  fieldsWithMessages,
  hasFieldMessage,
  type ErrorMessageOptions,
  type MessageParams,
} from './messages/messages.js';
export { apiErrorMessage } from './messages/api-messages.js';
