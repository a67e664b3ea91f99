import { randomUUID } from 'node:crypto';
import {
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isRequiredInputField,
  isScalarType,
  type GraphQLInputType,
} from 'graphql';

/** A value GraphQL accepts for each scalar of the schema; a new scalar must be added here. */
export const SCALAR_SAMPLES: Record<string, () => unknown> = {
  String: () => 'KEN',
  ID: () => randomUUID(),
  Int: () => 1,
  Float: () => 1,
  Boolean: () => true,
  DateTime: () => '2030-01-01T00:00:00Z',
  LocalDate: () => '2020-01-01',
  Decimal: () => '100.00',
  JSON: () => ({}),
  JSONObject: () => ({}),
};

/**
 * A value of `type` that GraphQL accepts, for the tests that walk every operation of the schema: input objects
 * get every required field, recursively.
 */
export function sampleInput(type: GraphQLInputType): unknown {
  if (isNonNullType(type)) return sampleInput(type.ofType);
  if (isListType(type)) return [sampleInput(type.ofType)];
  if (isEnumType(type)) return type.getValues()[0].name;
  if (isInputObjectType(type)) {
    const required = Object.values(type.getFields()).filter(isRequiredInputField);
    return Object.fromEntries(required.map((field) => [field.name, sampleInput(field.type)]));
  }
  if (isScalarType(type)) {
    const make = SCALAR_SAMPLES[type.name];
    if (!make) throw new Error(`no sample value for the scalar ${type.name}: add one to SCALAR_SAMPLES`);
    return make();
  }
  throw new Error(`cannot make a value of ${String(type)}`);
}
