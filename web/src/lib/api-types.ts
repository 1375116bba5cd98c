// Shorthands over the generated OpenAPI types (api-schema.ts), by path and method, so the
// code does not depend on how the server names its schemas.
import type { paths } from './api-schema';

type JsonOf<R> = R extends { content: { 'application/json': infer J } } ? J : never;

type Op<P extends keyof paths, M extends keyof paths[P]> = NonNullable<paths[P][M]>;

/** The JSON body of the 200 or 201 response of an operation. */
export type ResponseOf<P extends keyof paths, M extends keyof paths[P]> =
  Op<P, M> extends { responses: infer R }
    ? R extends { 200: infer A }
      ? JsonOf<A>
      : R extends { 201: infer B }
        ? JsonOf<B>
        : never
    : never;

/** The JSON request body of an operation (merge-patch bodies count as JSON). */
export type BodyOf<P extends keyof paths, M extends keyof paths[P]> =
  Op<P, M> extends { requestBody?: infer B }
    ? NonNullable<B> extends { content: infer C }
      ? C extends { 'application/json': infer J }
        ? J
        : C extends { 'application/merge-patch+json': infer J2 }
          ? J2
          : never
      : never
    : never;

/** The query parameters of an operation. */
export type QueryOf<P extends keyof paths, M extends keyof paths[P]> =
  Op<P, M> extends { parameters: { query?: infer Q } } ? NonNullable<Q> : never;

/** The item type of a `{items, total}` list response. */
export type ItemOf<L> = L extends { items: (infer I)[] } ? I : never;
