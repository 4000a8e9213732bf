// Contracts as Fastify schemas: Zod validates requests (issues kept for localized messages) and
// shapes responses, and the same schemas feed the OpenAPI document.
import type { FastifySchemaCompiler } from "fastify";
import { serializerCompiler } from "fastify-type-provider-zod";
import { safeParse, type ZodType } from "zod";
import { ValidationError } from "../errors";

export const validatorCompiler: FastifySchemaCompiler<ZodType> =
  ({ schema }) =>
  (data) => {
    const result = safeParse(schema, data);
    if (result.success) return { value: result.data };
    return { error: new ValidationError(result.error.issues, data) };
  };

export { serializerCompiler };
