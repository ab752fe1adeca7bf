// A Connect error's google.rpc.BadRequest details as field path → message, so forms show each
// violation beside its field ("need.title" → "is required"). Paths are the API's snake_case.
import {ConnectError} from '@connectrpc/connect';

import {BadRequestSchema} from '../gen/google/rpc/error_details_pb';

export type FieldErrors = Map<string, string>;

export function fieldErrors(error: unknown): FieldErrors {
  const errors: FieldErrors = new Map();
  if (!(error instanceof ConnectError)) return errors;
  for (const detail of error.findDetails(BadRequestSchema)) {
    for (const violation of detail.fieldViolations) {
      const previous = errors.get(violation.field);
      errors.set(
          violation.field,
          previous ? `${previous}; ${violation.description}` : violation.description);
    }
  }
  return errors;
}

// The error's message for a banner (the raw message when it is not a ConnectError).
export function errorMessage(error: unknown): string {
  if (error instanceof ConnectError) return error.rawMessage;
  return error instanceof Error ? error.message : String(error);
}
