import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { DomainError, type ErrorBody } from './domain-error';

const CODE_BY_STATUS: Readonly<Record<number, string>> = {
  400: 'bad_request',
  401: 'invalid_token',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  406: 'not_acceptable',
  409: 'conflict',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  422: 'unprocessable_entity',
  429: 'too_many_requests',
  503: 'service_unavailable',
};

/**
 * The one place where an app turns errors into HTTP responses. Bodies are
 * always `{statusCode, message, code}`; they never carry a stack trace, a
 * token or the text of an unexpected error. Unexpected errors are logged.
 */
@Catch()
export class ErrorResponseFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(error: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const { body, headers } = this.toResponse(error);
    if (response.headersSent) return;
    for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);
    response.status(body.statusCode).json(body);
  }

  private toResponse(error: unknown): { body: ErrorBody; headers: Readonly<Record<string, string>> } {
    if (error instanceof DomainError) {
      return {
        body: { statusCode: error.status, message: error.message, code: error.code },
        headers: error.headers,
      };
    }
    if (error instanceof HttpException) {
      const status = error.getStatus();
      if (status >= 500) this.logger.error(error.message, error.stack);
      return {
        body: { statusCode: status, message: messageOf(error), code: CODE_BY_STATUS[status] ?? codeFromStatusText(status) },
        headers: {},
      };
    }
    const status = statusOfLibraryError(error);
    if (status !== undefined) {
      // body-parser and friends: a client mistake such as malformed JSON.
      return {
        body: {
          statusCode: status,
          message: CLIENT_ERROR_MESSAGES[status] ?? 'Bad request',
          code: CODE_BY_STATUS[status] ?? 'bad_request',
        },
        headers: {},
      };
    }
    this.logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    return {
      body: { statusCode: HttpStatus.INTERNAL_SERVER_ERROR, message: 'Internal server error', code: 'internal_error' },
      headers: {},
    };
  }
}

const CLIENT_ERROR_MESSAGES: Readonly<Record<number, string>> = {
  400: 'The request body could not be read',
  413: 'The request body is too large',
  415: 'Unsupported content type',
};

/**
 * Nest turns body-parser's JSON SyntaxError into a BadRequestException with the
 * parser's message, which can quote the body; it is replaced by a fixed text.
 */
const JSON_PARSE_MESSAGE = /\bJSON\b/;

function messageOf(error: HttpException): string {
  const response = error.getResponse();
  if (error.getStatus() === 400 && typeof response === 'object' && JSON_PARSE_MESSAGE.test(error.message)) {
    return 'The request body is not valid JSON';
  }
  if (typeof response === 'string') return response;
  const message = (response as { message?: unknown }).message;
  if (Array.isArray(message)) return message.map(String).join('; ');
  if (typeof message === 'string') return message;
  return error.message;
}

function codeFromStatusText(status: number): string {
  const name = HttpStatus[status];
  return typeof name === 'string' ? name.toLowerCase() : 'error';
}

/** Errors from Express middleware (e.g. body-parser) carry a 4xx `status` and `expose: true`. */
function statusOfLibraryError(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { status, expose } = error as { status?: unknown; expose?: unknown };
  if (expose === true && typeof status === 'number' && status >= 400 && status < 500) return status;
  return undefined;
}
