import { randomBytes } from 'node:crypto';
import { ArgumentsHost, Catch, ExceptionFilter, HttpException } from '@nestjs/common';
import type { Response } from 'express';

/** An error of Okta's management APIs, with Okta's error code and body shape. */
export class OktaApiError extends HttpException {
  constructor(
    status: number,
    readonly errorCode: string,
    readonly errorSummary: string,
    readonly extraHeaders: Record<string, string> = {},
  ) {
    super(errorSummary, status);
  }
}

export const oktaErrors = {
  unauthorized: () => new OktaApiError(401, 'E0000011', 'Invalid token provided', { 'WWW-Authenticate': 'SSWS' }),
  forbidden: () => new OktaApiError(403, 'E0000006', 'You do not have permission to perform the requested action'),
  notFound: (what: string) => new OktaApiError(404, 'E0000007', `Not found: Resource not found: ${what} (User)`),
  invalidSearch: () => new OktaApiError(400, 'E0000031', 'Invalid search criteria.'),
  rateLimited: (headers: Record<string, string>) =>
    new OktaApiError(429, 'E0000047', 'API call exceeded rate limit due to too many requests.', headers),
};

/** Writes Okta-shaped error bodies: `{errorCode, errorSummary, errorLink, errorId, errorCauses}`. */
@Catch(OktaApiError)
export class OktaApiErrorFilter implements ExceptionFilter {
  catch(error: OktaApiError, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<Response>();
    for (const [name, value] of Object.entries(error.extraHeaders)) res.setHeader(name, value);
    res.status(error.getStatus()).json({
      errorCode: error.errorCode,
      errorSummary: error.errorSummary,
      errorLink: error.errorCode,
      errorId: `oae${randomBytes(11).toString('base64url')}`,
      errorCauses: [],
    });
  }
}
