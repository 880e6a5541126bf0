/*
 * Amundsen's frontend, when an integration's client is not configured
 * (its defaults: frontend/amundsen_application/config.py), answers with these
 * statuses and messages; Fram has no such clients yet, so it answers the same.
 */

/** 501 from the preview blueprint (`PREVIEW_CLIENT_ENABLED` false, `PREVIEW_CLIENT` unset). */
export const NO_PREVIEW_CLIENT = 'A client for the preview feature must be configured';
/** 501 from the quality blueprint (`QUALITY_CLIENT` unset). */
export const NO_QUALITY_CLIENT = 'A client for retrieving quality checks must be configured';
/** 501 from the mail blueprint's feedback (`MAIL_CLIENT` unset). */
export const NO_MAIL_CLIENT = 'Encountered exception: An instance of BaseMailClient client must be configured on MAIL_CLIENT';
/**
 * 500 from the dashboard preview blueprint: its default factory makes a Mode
 * client, which fails without `CREDENTIALS_MODE_ADMIN_TOKEN`.
 */
export const NO_DASHBOARD_PREVIEW = 'Encountered exception: access_token is missing';
/** 202 from the issue API (`ISSUE_TRACKER_CLIENT_ENABLED` false). */
export const ISSUES_OFF = 'Issue tracking is not enabled. Request was accepted but no issue will be returned.';
export const ISSUE_CREATION_OFF = 'Issue tracking is not enabled. Request was accepted but no issue will be created.';
/** 202 from the mail blueprint's notification (`NOTIFICATIONS_ENABLED` false). */
export const NOTIFICATIONS_OFF = 'Notifications are not enabled. Request was accepted but no notification will be sent.';

/**
 * An integration without a client: Amundsen's answer (`msg`, and its empty
 * fields), with Fram's error fields next to them (statusCode, message, code).
 */
export function unavailable<T extends object>(status: 500 | 501, msg: string, fields: T) {
  return { msg, ...fields, statusCode: status, message: msg, code: 'not_configured' };
}
