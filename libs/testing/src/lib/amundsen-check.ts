import Ajv, { type ErrorObject, type SchemaObject, type ValidateFunction } from 'ajv';
import { AMUNDSEN_MODELS, AMUNDSEN_MODELS_ID, amundsenRef, type AmundsenModel } from './amundsen-models';

/** How strictly a value is held to Amundsen's models (by default: their required fields and types, other keys allowed). */
export interface AmundsenCheck {
  /** Refuse keys a model does not declare: in every object of the value (true), or only in these models' own objects. */
  exact?: boolean | readonly AmundsenModel[];
  /** Ask for every key the models declare (null where Amundsen has none), as marshmallow dumps a model. */
  complete?: boolean;
}

/** An answer that marshmallow dumps: exactly the fields of its models, each of them. */
export const AMUNDSEN_DUMP: AmundsenCheck = { exact: true, complete: true };

const ajv = new Ajv({ allErrors: true, allowUnionTypes: true, strictTypes: false });
ajv.addSchema({ $id: AMUNDSEN_MODELS_ID, definitions: AMUNDSEN_MODELS });
/** The id under which the models are registered for each kind of check. */
const variants = new Map<string, string>([['', AMUNDSEN_MODELS_ID]]);
/** Compiled validators, by variant: of each model by name, and of each schema built from the models. */
const byName = new Map<string, ValidateFunction>();
const bySchema = new Map<string, WeakMap<SchemaObject, ValidateFunction>>();

/**
 * What in `value` Amundsen's model (or a schema built from amundsenRef) does not take, one line per
 * problem with the path to it, e.g. `/owners/0/email must be string`; none when it is Amundsen's shape.
 * Throws when the schema does not compile (a model it names is missing).
 */
export function amundsenProblems(model: AmundsenModel | SchemaObject, value: unknown, check: AmundsenCheck = {}): string[] {
  const validate = validatorOf(model, check);
  return validate(value) ? [] : describe(validate.errors ?? []);
}

/** `value`, typed, after checking it against Amundsen's model; an error naming every problem (which fails a test) when it is not. */
export function asAmundsen<T>(model: AmundsenModel, value: unknown, check: AmundsenCheck = {}): T {
  const problems = amundsenProblems(model, value, check);
  if (problems.length > 0) throw new Error(`Not Amundsen's ${model}:\n  ${problems.join('\n  ')}`);
  return value as T;
}

function validatorOf(model: AmundsenModel | SchemaObject, check: AmundsenCheck): ValidateFunction {
  const id = variantOf(check);
  const compile = (schema: SchemaObject) =>
    ajv.compile(id === AMUNDSEN_MODELS_ID ? schema : shaped(schema, id, check.exact === true, check));
  if (typeof model === 'string') {
    const key = `${id}#${model}`;
    let validate = byName.get(key);
    if (!validate) byName.set(key, (validate = compile(amundsenRef(model))));
    return validate;
  }
  let cache = bySchema.get(id);
  if (!cache) bySchema.set(id, (cache = new WeakMap()));
  let validate = cache.get(model);
  if (!validate) cache.set(model, (validate = compile(model)));
  return validate;
}

/** The id of the models shaped for `check`, registered with ajv on first use. */
function variantOf(check: AmundsenCheck): string {
  const exact = check.exact === true ? '*' : [...(check.exact || [])].sort().join(',');
  const key = exact === '' && !check.complete ? '' : `exact=${exact};complete=${check.complete === true}`;
  let id = variants.get(key);
  if (id === undefined) {
    id = `${AMUNDSEN_MODELS_ID}-${variants.size}`;
    const exactModels: readonly string[] = check.exact === true ? Object.keys(AMUNDSEN_MODELS) : check.exact || [];
    const definitions = Object.fromEntries(
      Object.entries(AMUNDSEN_MODELS).map(([name, schema]) => [name, shaped(schema, id as string, exactModels.includes(name), check)]),
    );
    ajv.addSchema({ $id: id, definitions });
    variants.set(key, id);
  }
  return id;
}

/** A copy of `schema` referring to the models of variant `id`, its objects closed (exact) and all their keys required (complete). */
function shaped(schema: SchemaObject, id: string, exact: boolean, check: AmundsenCheck): SchemaObject {
  const walk = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(walk);
    if (node === null || typeof node !== 'object') return node;
    const copy: Record<string, unknown> = Object.fromEntries(Object.entries(node).map(([k, v]) => [k, walk(v)]));
    const ref = copy['$ref'];
    if (typeof ref === 'string' && ref.startsWith(`${AMUNDSEN_MODELS_ID}#`)) copy['$ref'] = `${id}${ref.slice(AMUNDSEN_MODELS_ID.length)}`;
    if (exact && 'allOf' in copy) throw new Error('An exact check cannot see through allOf (draft-07): repeat the fields instead');
    const type = copy['type'];
    const properties = copy['properties'];
    if ((type === 'object' || (Array.isArray(type) && type.includes('object'))) && properties !== null && typeof properties === 'object') {
      if (exact) copy['additionalProperties'] = false;
      if (check.complete) copy['required'] = Object.keys(properties);
    }
    return copy;
  };
  return walk(schema) as SchemaObject;
}

/** Ajv's errors as lines, without the noise of anyOf (the failed null branch of a nullable model). */
function describe(errors: readonly ErrorObject[]): string[] {
  const useful = errors.filter((e) => e.keyword !== 'anyOf' && !(e.keyword === 'type' && e.params['type'] === 'null'));
  return [
    ...new Set(
      (useful.length > 0 ? useful : errors).map((e) =>
        e.keyword === 'additionalProperties'
          ? `${e.instancePath || '/'} has ${String(e.params['additionalProperty'])}, which Amundsen's model does not`
          : `${e.instancePath || '/'} ${e.message ?? e.keyword}`,
      ),
    ),
  ];
}
