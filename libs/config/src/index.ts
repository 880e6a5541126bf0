export { ConfigError } from './lib/config-error';
export { EnvReader, commaList } from './lib/env-reader';
export type { Env, EnvVar, EnvAlias } from './lib/env-reader';
export { env, isHttpUrl } from './lib/env-schemas';
export { DEV_IDP_ISSUER, DEV_SCRIPT_CLIENT } from './lib/dev-defaults';
export { Clock, systemClock } from './lib/clock';
