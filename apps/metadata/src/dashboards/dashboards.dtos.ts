import { createZodDto } from 'nestjs-zod';
import { dashboardDetailSchema } from '@fram/models';

export class DashboardDetailDto extends createZodDto(dashboardDetailSchema) {}
