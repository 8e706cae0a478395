import type { components, paths } from './generated/openapi';

/*
 * Reading the server's contract: the types generated from its OpenAPI document
 * (./generated/openapi.d.ts, written by scripts/generate-api-types.mjs). Name a schema, or a route's
 * answer, instead of copying its shape.
 */

/** A schema the server names in its OpenAPI document (`components.schemas`). */
export type Schema<Name extends keyof components['schemas']> = components['schemas'][Name];

type Json<Response> = Response extends { content: { 'application/json': infer Body } } ? Body : never;
type Success<Responses> = Responses extends { 200: infer Ok }
  ? Ok
  : Responses extends { 201: infer Created }
    ? Created
    : Responses extends { 202: infer Accepted }
      ? Accepted
      : never;

/** The JSON a route answers with when it succeeds (200, 201 or 202). */
export type ResponseOf<Path extends keyof paths, Method extends keyof paths[Path]> = paths[Path][Method] extends {
  responses: infer Responses;
}
  ? Json<Success<Responses>>
  : never;

/** The JSON body a route reads. */
export type RequestBodyOf<Path extends keyof paths, Method extends keyof paths[Path]> = paths[Path][Method] extends {
  requestBody?: { content: { 'application/json': infer Body } };
}
  ? Body
  : never;

/** The query parameters a route reads. */
export type QueryOf<Path extends keyof paths, Method extends keyof paths[Path]> = paths[Path][Method] extends {
  parameters: { query?: infer Query };
}
  ? NonNullable<Query>
  : never;

/**
 * A request body as a form assembles it: members may still be undefined (the form's rules check them
 * before sending, and the server checks them again); names and value types are the contract's.
 */
export type FormBody<Body> = {
  [Key in keyof Body]?: Body[Key] extends readonly unknown[]
    ? Body[Key]
    : Body[Key] extends object
      ? FormBody<Body[Key]>
      : Body[Key] | undefined;
};
