/**
 * An enumeration lives once in this folder, as an `as const` array; its API schema derives from
 * it here. (TypeBox's Union of a mapped array is typed as plain string, hence the Unsafe wrapper:
 * the JSON schema is the same anyOf of constants, the static type is the array's union.)
 */
// Builders one by one, not TypeBox's `Type` object: consortium-schema.ts uses this too, and a
// browser bundle can drop single builders but not that object (see there).
import * as TypeBox from '@sinclair/typebox';

export function literals<const T extends readonly string[]>(values: T): TypeBox.TUnsafe<T[number]> {
  return TypeBox.Unsafe<T[number]>(TypeBox.Union(values.map((value) => TypeBox.Literal(value))));
}
