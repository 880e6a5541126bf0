import { Injectable, type ArgumentMetadata, type PipeTransform } from '@nestjs/common';
import { createZodValidationPipe } from 'nestjs-zod';
import type { z } from 'zod';
import { InvalidInputError } from '@fram/errors';
import { describeIssues } from './describe-issues';

/** Carries the ZodError out of nestjs-zod's pipe, so the message can name what the input holds (list items by key). */
class Refused extends Error {
  constructor(readonly error: z.ZodError) {
    super('refused');
  }
}

const ZodPipe = createZodValidationPipe({ createValidationException: (error) => new Refused(error as z.ZodError) });

const WHERE: Record<ArgumentMetadata['type'], string> = { body: 'body', query: 'query', param: 'path', custom: 'input' };

/**
 * The one validation pipe of every service (global, set by configureApp): a
 * body, query or path parameter typed with a zod DTO (nestjs-zod's
 * createZodDto) is parsed with its schema; anything else passes as it is.
 * Bad input is a 400 InvalidInputError naming where each problem is, e.g.
 * `documents.1 (hive://gold.core/orders).name: Too small`.
 */
@Injectable()
export class RequestValidationPipe implements PipeTransform {
  private readonly zod = new ZodPipe();

  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    try {
      return this.zod.transform(value, metadata) as unknown;
    } catch (error) {
      if (error instanceof Refused) throw new InvalidInputError(describeIssues(error.error, value, WHERE[metadata.type]));
      throw error;
    }
  }
}
