import { Injectable, Logger, type CallHandler, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { ZodSerializationException, ZodSerializerInterceptor } from 'nestjs-zod';
import { catchError, throwError, type Observable } from 'rxjs';
import { z } from 'zod';

/**
 * nestjs-zod's serializer (global, set by configureApp): the answer of a route
 * with @ZodResponse is parsed with its schema, so it carries what the OpenAPI
 * document says and nothing more. An answer that does not fit is a bug: a 500,
 * logged with where it does not fit (never the values, which may be private).
 */
@Injectable()
export class ResponseSchemaInterceptor extends ZodSerializerInterceptor {
  private readonly logger = new Logger('ResponseSchema');

  override intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return super.intercept(context, next).pipe(
      catchError((error: unknown) => {
        if (error instanceof ZodSerializationException) {
          const request = context.switchToHttp().getRequest<Request>();
          const zodError = error.getZodError();
          const where =
            zodError instanceof z.ZodError
              ? zodError.issues
                  .slice(0, 5)
                  .map((issue) => `${issue.path.join('.') || 'answer'}: ${issue.code}`)
                  .join('; ')
              : 'unknown';
          this.logger.error(
            `The answer to ${request.method} ${(request.route as { path?: string } | undefined)?.path ?? request.path} does not fit its schema (${where})`,
          );
        }
        return throwError(() => error);
      }),
    );
  }
}
