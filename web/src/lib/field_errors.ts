// A Connect error's google.rpc.BadRequest details as field path → message, so forms show each
// violation beside its field ("need.title" → "is required"). Paths are the API's snake_case.
import {Code, ConnectError} from '@connectrpc/connect';

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

// The words for failures every page may meet (from the string tables).
export interface FailureWords {
  notSignedIn: string;
  forbidden: string;
  // A stale etag: someone changed the record since the page read it.
  conflict?: string;
}

// The error's message for a banner: a missing or ended session, a refusal and a conflicting
// change in the page's language (with the server's reason after the last two), else the
// server's message.
export function errorMessage(error: unknown, words?: FailureWords): string {
  if (error instanceof ConnectError) {
    if (words && error.code === Code.Unauthenticated) return words.notSignedIn;
    if (words && error.code === Code.PermissionDenied) {
      return `${words.forbidden} (${error.rawMessage})`;
    }
    if (words?.conflict && error.code === Code.Aborted) return `${words.conflict} (${error.rawMessage})`;
    return error.rawMessage;
  }
  return error instanceof Error ? error.message : String(error);
}

// Whether the violation at `p` belongs to the field at `path` (`path` itself, `path.x`, `path[i]`).
function isUnder(p: string, path: string): boolean {
  return p === path || p.startsWith(`${path}.`) || p.startsWith(`${path}[`);
}

// The messages at any of `paths` or under one, joined; undefined when there are none. A form
// passes each field's paths (`target.value`, `target.count`, ...).
export function errorAt(errors: FieldErrors, ...paths: string[]): string|undefined {
  const found =
      [...errors].filter(([p]) => paths.some((path) => isUnder(p, path))).map(([, m]) => m);
  return found.length > 0 ? found.join('; ') : undefined;
}

// The messages no field of the form shows (for its banner), each with its path when it has one.
export function unownedErrors(errors: FieldErrors, owned: string[]): string[] {
  return [...errors]
      .filter(([p]) => !p || !owned.some((path) => isUnder(p, path)))
      .map(([p, m]) => (p ? `${p}: ${m}` : m));
}
