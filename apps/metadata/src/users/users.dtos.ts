import { createZodDto } from 'nestjs-zod';
import { userInputSchema, userReadsSchema, userResourcesSchema, userSchema } from '@fram/models';

export class UserDto extends createZodDto(userSchema) {}
export class UserInputDto extends createZodDto(userInputSchema) {}
export class UserResourcesDto extends createZodDto(userResourcesSchema) {}
export class UserReadsDto extends createZodDto(userReadsSchema) {}
