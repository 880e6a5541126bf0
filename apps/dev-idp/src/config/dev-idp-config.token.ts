/** Injection token of dev-idp's configuration (DevIdpConfig), provided by DevIdpConfigModule. */
export const DEV_IDP_CONFIG = Symbol('DEV_IDP_CONFIG');
