import { z } from 'zod';

/*
 * TRANSCRIBED FACTS (test fixture): the shapes Amundsen's metadata service answers for tables, columns,
 * nested types and lineage, to check Fram's answers against. From amundsen-io/amundsen at commit
 * 2a6ba5803e4849e570bf8106b45495cb02c28483 (as ../shared/reference/amundsen-models.mjs has them):
 *   common/amundsen_common/models/table.py     Table, Column, TypeMetadata, Stat, Watermark, Application,
 *                                              Source, ResourceReport, ProgrammaticDescription, Reader, Tag
 *   common/amundsen_common/models/badge.py     Badge
 *   common/amundsen_common/models/user.py      User
 *   common/amundsen_common/models/lineage.py   Lineage, LineageItem
 *   metadata/metadata_service/api/*.py         {description}, {message}
 * Rules (marshmallow3-annotations): Optional[X] may be null; a field without a default is required;
 * List[X] is an array. Keys Amundsen does not declare are allowed (extra fields never break a client).
 */

const str = z.string();
const nstr = z.string().nullable();
const int = z.number().int();
const nint = z.number().int().nullable();
const obj = z.looseObject;

const badge = obj({ badge_name: str, category: str });
const tag = obj({ tag_type: str, tag_name: str });
const user = obj({
  user_id: nstr.optional(),
  email: nstr.optional(),
  first_name: nstr.optional(),
  last_name: nstr.optional(),
  full_name: nstr.optional(),
  display_name: nstr.optional(),
  is_active: z.boolean().optional(),
  github_username: nstr.optional(),
  team_name: nstr.optional(),
  slack_id: nstr.optional(),
  employee_type: nstr.optional(),
  manager_fullname: nstr.optional(),
  manager_email: nstr.optional(),
  manager_id: nstr.optional(),
  role_name: nstr.optional(),
  profile_url: nstr.optional(),
  other_key_values: z.record(z.string(), z.string()).nullable().optional(),
});
const stat = obj({
  stat_type: str,
  stat_val: nstr.optional(),
  start_epoch: nint.optional(),
  end_epoch: nint.optional(),
  is_metric: z.boolean().nullable().optional(),
});
interface TypeMetadataShape {
  kind: string;
  name: string;
  key: string;
  description?: string | null | undefined;
  data_type: string;
  sort_order: number;
  badges?: { badge_name: string; category: string }[] | undefined;
  children?: TypeMetadataShape[] | undefined;
}
const typeMetadata: z.ZodType<TypeMetadataShape> = obj({
  kind: str,
  name: str,
  key: str,
  description: nstr.optional(),
  data_type: str,
  sort_order: int,
  badges: z.array(badge).optional(),
  get children() {
    return z.array(typeMetadata).optional();
  },
});
const column = obj({
  name: str,
  key: nstr.optional(),
  description: nstr.optional(),
  col_type: str,
  sort_order: int,
  stats: z.array(stat).optional(),
  badges: z.array(badge).nullable().optional(),
  type_metadata: typeMetadata.nullable().optional(),
});
const application = obj({
  application_url: nstr.optional(),
  description: nstr.optional(),
  id: str,
  name: nstr.optional(),
  kind: nstr.optional(),
});
const lineageItem = obj({
  key: str,
  level: int,
  source: str,
  badges: z.array(badge).nullable().optional(),
  usage: nint.optional(),
  parent: nstr.optional(),
  link: nstr.optional(),
  in_amundsen: z.boolean().nullable().optional(),
});

/** Amundsen's answers by model name. */
export const AMUNDSEN = {
  Table: obj({
    database: str,
    cluster: str,
    schema: str,
    name: str,
    key: nstr.optional(),
    tags: z.array(tag).optional(),
    badges: z.array(badge).optional(),
    table_readers: z.array(obj({ user, read_count: int })).optional(),
    description: nstr.optional(),
    columns: z.array(column),
    owners: z.array(user).optional(),
    watermarks: z
      .array(
        obj({
          watermark_type: nstr.optional(),
          partition_key: nstr.optional(),
          partition_value: nstr.optional(),
          create_time: nstr.optional(),
        }),
      )
      .optional(),
    table_writer: application.nullable().optional(),
    table_apps: z.array(application).nullable().optional(),
    resource_reports: z
      .array(obj({ name: str, url: str }))
      .nullable()
      .optional(),
    last_updated_timestamp: nint.optional(),
    source: obj({ source_type: str, source: str }).nullable().optional(),
    is_view: z.boolean().nullable().optional(),
    programmatic_descriptions: z.array(obj({ source: str, text: str })).optional(),
    common_joins: z.array(obj({})).nullable().optional(),
    common_filters: z.array(obj({})).nullable().optional(),
  }),
  Lineage: obj({
    key: str,
    direction: str,
    depth: int,
    upstream_entities: z.array(lineageItem),
    downstream_entities: z.array(lineageItem),
    upstream_count: nint.optional(),
    downstream_count: nint.optional(),
  }),
  Description: obj({ description: nstr }),
  Message: obj({ message: str }),
} as const;

/** What is wrong with `value` as Amundsen's `model` (paths and messages), or [] when it is one. */
export function amundsenProblems(model: keyof typeof AMUNDSEN, value: unknown): string[] {
  const result = AMUNDSEN[model].safeParse(value);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}
