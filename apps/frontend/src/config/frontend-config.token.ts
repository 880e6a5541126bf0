/** Injection token of the frontend's configuration (FrontendConfig), loaded once by FrontendConfigModule. */
export const FRONTEND_CONFIG = Symbol('FRONTEND_CONFIG');
