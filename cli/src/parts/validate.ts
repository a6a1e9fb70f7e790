// The "validate" part (dist/cli-validate.js): the language core and the validate command. The API
// client is not here: validate loads the catalog part only when --endpoint is given.
export { validateCommand } from '../validate';
