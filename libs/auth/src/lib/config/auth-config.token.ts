/** Injection token of the validated AuthConfig. */
export const AUTH_CONFIG = Symbol('AUTH_CONFIG');
