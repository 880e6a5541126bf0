import { applyDecorators } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { ZodResponse } from 'nestjs-zod';
import { NoRoleRequired } from '@fram/auth';
import type { ResourceType } from '../store/ports/edit';
import { MessageDto } from './common.dtos';

/**
 * An edit of a table or dashboard: open to every signed-in caller at the guard
 * (ResourceEditor allows the write role or the resource's owners), answered
 * with Amundsen's `{message}`, and documented so.
 */
export function EditRoute(resource: ResourceType): MethodDecorator {
  return applyDecorators(
    NoRoleRequired(),
    ApiOperation({ description: `Needs the write role or ownership of the ${resource}.` }),
    ZodResponse({ status: 200, type: MessageDto }),
  );
}
