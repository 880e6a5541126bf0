import { createZodDto } from 'nestjs-zod';
import { lineageQuerySchema, lineageSchema, tableDashboardsSchema, tableDetailSchema } from '@fram/models';

export class TableDetailDto extends createZodDto(tableDetailSchema) {}
export class LineageQueryDto extends createZodDto(lineageQuerySchema) {}
export class LineageDto extends createZodDto(lineageSchema) {}
export class TableDashboardsDto extends createZodDto(tableDashboardsSchema) {}
