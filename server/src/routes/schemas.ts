import { Type } from '@sinclair/typebox';
import { ErrorBodySchema } from '@shared/schemas/common';

/** Error replies every /api route may give; declared so the OpenAPI document tells the truth. */
export const ERROR_RESPONSES = {
  400: ErrorBodySchema,
  401: ErrorBodySchema,
  403: ErrorBodySchema,
  404: ErrorBodySchema,
  409: ErrorBodySchema,
  413: ErrorBodySchema,
  429: ErrorBodySchema,
};

/** An empty reply body. */
export const NoContentSchema = Type.Null();
