// Reading and writing Netzwerkatlas files from outside the app, as another
// tool would: the checksum recomputed from the README's definition, and the
// JSON Schema from public/ applied with Ajv.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';

/** JSON with object keys sorted and no whitespace. */
export function canonical(value) {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    return `{${Object.keys(value).sort().map((k) => `${JSON.stringify(k)}:${canonical(value[k])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export function checksumOf(content) {
  return `sha256:${createHash('sha256').update(canonical(content), 'utf8').digest('hex')}`;
}

/** The file as text, with a checksum that matches its (changed) content. */
export function sealed(file) {
  return JSON.stringify({ ...file, checksum: checksumOf(file.content) });
}

const schema = JSON.parse(readFileSync(new URL('../../public/netzwerkatlas.schema.json', import.meta.url), 'utf8'));
const validator = new Ajv2020({ allErrors: true, strict: false }).compile(schema);

/** A sealed region file with just these actors, as an upload for `setInputFiles`. */
export function regionUpload(id, name, actors) {
  const file = {
    format: 'netzwerkatlas', schema: 6, app_version: '0.2.0', exported_at: '2026-11-01T10:00:00Z', scope: 'region',
    region: { id, name }, author: '', personal_data: true,
    content: { regions: [{ id, name, actors }], templates: [] },
  };
  return { name: `${id}.json`, mimeType: 'application/json', buffer: Buffer.from(sealed(file)) };
}

/** Schema errors of a parsed file, as readable lines (empty when valid). */
export function schemaErrors(file) {
  return validator(file) ? [] : validator.errors.map((e) => `${e.instancePath} ${e.message}`);
}

const encryptedSchema = JSON.parse(readFileSync(new URL('../../public/netzwerkatlas-encrypted.schema.json', import.meta.url), 'utf8'));
const encryptedValidator = new Ajv2020({ allErrors: true, strict: false }).compile(encryptedSchema);

/** Schema errors of a password-protected file's envelope (empty when valid). */
export function encryptedSchemaErrors(envelope) {
  return encryptedValidator(envelope) ? [] : encryptedValidator.errors.map((e) => `${e.instancePath} ${e.message}`);
}
