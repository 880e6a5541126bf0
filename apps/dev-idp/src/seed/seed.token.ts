/** Injection token of the loaded Seed. */
export const SEED = Symbol('SEED');
/** Injection token of the DevIdpConfig. */
export const DEV_IDP_CONFIG = Symbol('DEV_IDP_CONFIG');
