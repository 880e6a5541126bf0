import { Injectable, type CallHandler, type NestInterceptor } from '@nestjs/common';
import { catchError, throwError, type Observable } from 'rxjs';
import { InvalidInputError } from '@fram/errors';

/**
 * Says that a refused batch was refused whole (`Invalid ingestion body: tables.3.cluster: ...`):
 * loaders print the message as it is, and nothing of the batch was written.
 */
@Injectable()
export class IngestionRefusalsInterceptor implements NestInterceptor {
  intercept(_context: unknown, next: CallHandler): Observable<unknown> {
    return next
      .handle()
      .pipe(
        catchError((error: unknown) =>
          throwError(() =>
            error instanceof InvalidInputError ? new InvalidInputError(`Invalid ingestion body: ${error.message}`) : error,
          ),
        ),
      );
  }
}
