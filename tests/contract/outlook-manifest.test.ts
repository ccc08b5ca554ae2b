/**
 * The Outlook add-in's manifest, checked offline (the online validator cannot be reached from here):
 * converted to the unified JSON manifest by Microsoft's converter and validated against the JSON
 * schemas shipped in @microsoft/app-manifest, then checked for what the issue asks of it: the
 * requirement set, a pinnable task pane on the read surface, a command on the compose surface,
 * French and English strings, icons that exist at their sizes, and a base URL set at build time.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DOMParser } from '@xmldom/xmldom';
import { afterAll, describe, expect, it } from 'vitest';
import { DEV_BASE_URL, manifestForBaseUrl, normaliseBaseUrl } from '../../addin/base-url';

const MANIFEST_PATH = 'addin/manifest.xml';
const XML = readFileSync(MANIFEST_PATH, 'utf8');
const SCHEMAS = 'node_modules/@microsoft/app-manifest/build/json-schemas/teams/v1.17';

const require = createRequire(import.meta.url);
const { convert } = require('office-addin-manifest-converter') as { convert(input: string, output: string, imageDownload?: boolean): Promise<void> };
// The schemas are draft-04 with a few later keywords and non-Unicode patterns: validated the way
// @microsoft/app-manifest does (ajv-draft-04, ajv-formats), with its own copies of both.
const fromAppManifest = createRequire(require.resolve('@microsoft/app-manifest'));
type AjvError = { instancePath: string; message?: string; params?: unknown };
type AjvCtor = new (options: object) => { compile(schema: object): ((doc: unknown) => boolean) & { errors?: AjvError[] | null } };
const AjvDraft04 = ((m: { default?: AjvCtor } & AjvCtor) => m.default ?? m)(fromAppManifest('ajv-draft-04'));
const addFormats = ((m: { default?: (ajv: object, formats: string[]) => void } & ((ajv: object, formats: string[]) => void)) => m.default ?? m)(fromAppManifest('ajv-formats'));

/** The DOM of the parsed manifest, as far as these checks read it. */
interface XmlElement {
  localName: string;
  namespaceURI: string | null;
  nodeType: number;
  textContent: string | null;
  parentNode: unknown;
  childNodes: unknown;
  getAttribute(name: string): string | null;
  getAttributeNS(namespace: string, name: string): string | null;
  getElementsByTagNameNS(namespace: string, name: string): unknown;
}

const workDirs: string[] = [];
afterAll(() => workDirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

async function convertToJson(xml: string): Promise<Record<string, unknown>> {
  const dir = mkdtempSync(join(tmpdir(), 'relance-manifest-'));
  workDirs.push(dir);
  writeFileSync(join(dir, 'manifest.xml'), xml);
  await convert(join(dir, 'manifest.xml'), join(dir, 'json'), false);
  const files = Object.fromEntries(readdirSync(join(dir, 'json')).map((name) => [name, JSON.parse(readFileSync(join(dir, 'json', name), 'utf8')) as unknown]));
  return files;
}

function schemaErrors(doc: unknown, schemaFile: string): string[] {
  const ajv = new AjvDraft04({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv, ['uri', 'email', 'regex']);
  const validate = ajv.compile(JSON.parse(readFileSync(join(SCHEMAS, schemaFile), 'utf8')) as object);
  validate(doc);
  return (validate.errors ?? []).map((error) => `${error.instancePath} ${error.message ?? ''} ${JSON.stringify(error.params ?? {})}`);
}

const dom = new DOMParser({
  errorHandler: {
    warning: () => undefined,
    error: (message: string) => {
      throw new Error(`manifest.xml: ${message}`);
    },
    fatalError: (message: string) => {
      throw new Error(`manifest.xml: ${message}`);
    },
  },
}).parseFromString(XML, 'text/xml');
const root = dom.documentElement as unknown as XmlElement;

function all(from: XmlElement, localName: string): XmlElement[] {
  return Array.from(from.getElementsByTagNameNS('*', localName) as unknown as ArrayLike<XmlElement>);
}
function one(from: XmlElement, localName: string): XmlElement {
  const found = all(from, localName);
  if (found.length !== 1) throw new Error(`expected one <${localName}>, found ${found.length}`);
  return found[0]!;
}
const xsiType = (el: XmlElement) => el.getAttributeNS('http://www.w3.org/2001/XMLSchema-instance', 'type');
const text = (el: XmlElement) => (el.textContent ?? '').trim();

/** Resources by id: `bt:Url`, `bt:Image`, `bt:String`. */
function resources(kind: 'Urls' | 'Images' | 'ShortStrings' | 'LongStrings'): Map<string, XmlElement> {
  const group = one(root, kind);
  return new Map(Array.from(group.childNodes as unknown as ArrayLike<XmlElement>).filter((n) => n.nodeType === 1).map((el) => [el.getAttribute('id') ?? '', el]));
}

function surface(type: string): XmlElement {
  const found = all(root, 'ExtensionPoint').filter((el) => xsiType(el) === type);
  expect(found, type).toHaveLength(1);
  return found[0]!;
}

function pngSize(path: string): { width: number; height: number } {
  const bytes = readFileSync(path);
  expect(bytes.subarray(1, 4).toString('ascii')).toBe('PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe('addin/manifest.xml converted and checked against the shipped JSON schemas', () => {
  it('converts to a unified manifest (v1.17) and its localisation file, both valid against their schemas', async () => {
    const files = await convertToJson(XML);
    expect(Object.keys(files).sort()).toEqual(['en-us.json', 'manifest.json']);
    const manifest = files['manifest.json'] as { manifestVersion: string; localizationInfo: unknown };
    expect(manifest.manifestVersion).toBe('1.17');
    expect(schemaErrors(manifest, 'MicrosoftTeams.schema.json')).toEqual([]);
    expect(schemaErrors(files['en-us.json'], 'MicrosoftTeams.Localization.schema.json')).toEqual([]);
    expect(manifest.localizationInfo).toEqual({ defaultLanguageTag: 'fr-fr', additionalLanguages: [{ languageTag: 'en-us', file: 'en-us.json' }] });
  });

  it('the schema check catches a broken manifest (so the check above can fail)', async () => {
    const broken = XML.replace('<Control xsi:type="Button" id="relanceOpenPane">', '<Control xsi:type="Button" id="relance open pane with an id far too long for the unified manifest schema limits">');
    const manifest = (await convertToJson(broken))['manifest.json'];
    expect(schemaErrors(manifest, 'MicrosoftTeams.schema.json').join('\n')).toMatch(/controls\/0\/id/);
  });

  it('converts into pinnable task pane on mail read and an executeFunction on mail compose', async () => {
    const manifest = (await convertToJson(XML))['manifest.json'] as {
      extensions: Array<{ ribbons: Array<{ contexts: string[] }>; runtimes: Array<{ code: { page: string }; actions: Array<{ type: string; id: string; pinnable?: boolean }> }> }>;
    };
    const [extension] = manifest.extensions;
    expect(extension!.ribbons.map((ribbon) => ribbon.contexts)).toEqual([['mailRead'], ['mailCompose']]);
    const actions = extension!.runtimes.flatMap((runtime) => runtime.actions.map((action) => ({ page: runtime.code.page, ...action })));
    expect(actions).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ page: `${DEV_BASE_URL}taskpane.html`, type: 'openPage', pinnable: true }),
        expect.objectContaining({ page: `${DEV_BASE_URL}commands.html`, type: 'executeFunction', id: 'insertReminder' }),
      ]),
    );
  });
});

describe('addin/manifest.xml structure', () => {
  it('is a mail add-in for Mailbox 1.5 (pinning and ItemChanged), with ReadWriteItem only', () => {
    expect(root.localName).toBe('OfficeApp');
    expect(xsiType(root)).toBe('MailApp');
    expect(text(one(root, 'Id'))).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(text(one(root, 'Version'))).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    const baseSet = all(root, 'Set').find((el) => el.namespaceURI === root.namespaceURI);
    expect(baseSet?.getAttribute('Name')).toBe('Mailbox');
    expect(baseSet?.getAttribute('MinVersion')).toBe('1.5');
    expect(all(root, 'Sets').find((el) => el.getAttribute('DefaultMinVersion'))?.getAttribute('DefaultMinVersion')).toBe('1.5');
    expect(text(one(root, 'Permissions'))).toBe('ReadWriteItem');
    const overrides = all(root, 'VersionOverrides').map(xsiType);
    expect(overrides).toEqual(['VersionOverridesV1_0', 'VersionOverridesV1_1']);
  });

  it('reading a message: a Relance button opens the task pane, pinnable', () => {
    const read = surface('MessageReadCommandSurface');
    const [button] = all(read, 'Control');
    expect(xsiType(button!)).toBe('Button');
    const action = one(button!, 'Action');
    expect(xsiType(action)).toBe('ShowTaskpane');
    expect(text(one(action, 'SupportsPinning'))).toBe('true');
    const url = resources('Urls').get(one(action, 'SourceLocation').getAttribute('resid') ?? '');
    expect(url?.getAttribute('DefaultValue')).toBe(`${DEV_BASE_URL}taskpane.html`);
    expect(resources('ShortStrings').get(one(button!, 'Label').getAttribute('resid') ?? '')?.getAttribute('DefaultValue')).toBe('Relance');
  });

  it('writing a message: a command runs insertReminder from the function file, which registers it', () => {
    const compose = surface('MessageComposeCommandSurface');
    const action = one(one(compose, 'Control'), 'Action');
    expect(xsiType(action)).toBe('ExecuteFunction');
    expect(text(one(action, 'FunctionName'))).toBe('insertReminder');
    const functionFile = resources('Urls').get(one(root, 'FunctionFile').getAttribute('resid') ?? '');
    expect(functionFile?.getAttribute('DefaultValue')).toBe(`${DEV_BASE_URL}commands.html`);
    expect(readFileSync('src/addin/commands.ts', 'utf8')).toMatch(/Office\.actions\.associate\(\s*'insertReminder'/);
  });

  it('every resource named is defined, and every string is French by default with an English override', () => {
    const defined = new Set([...resources('Urls').keys(), ...resources('Images').keys(), ...resources('ShortStrings').keys(), ...resources('LongStrings').keys()]);
    const used = all(root, '*').map((el) => el.getAttribute('resid')).filter((id): id is string => !!id);
    expect(used.length).toBeGreaterThan(5);
    for (const id of used) expect(defined, id).toContain(id);
    expect(text(one(root, 'DefaultLocale'))).toBe('fr-FR');
    for (const [kind, max] of [['ShortStrings', 125], ['LongStrings', 250]] as const) {
      for (const [id, el] of resources(kind)) {
        const overrides = all(el, 'Override');
        expect(overrides.map((o) => o.getAttribute('Locale')), id).toEqual(['en-US']);
        for (const value of [el.getAttribute('DefaultValue') ?? '', overrides[0]!.getAttribute('Value') ?? '']) {
          expect(value.length, id).toBeGreaterThan(0);
          expect(value.length, id).toBeLessThanOrEqual(max);
        }
      }
    }
    for (const name of ['DisplayName', 'Description']) {
      const [element] = all(root, name).filter((el) => el.parentNode === (root as unknown));
      expect(all(element!, 'Override').map((o) => o.getAttribute('Locale')), name).toEqual(['en-US']);
    }
  });

  it('every URL is under the dev base URL, and every icon exists at the size it is declared for', () => {
    const urls = [...XML.matchAll(/(?:DefaultValue|Value)="(https?:[^"]+)"/g)].map((m) => m[1]!);
    expect(urls.length).toBeGreaterThan(5);
    for (const url of urls) expect(url.startsWith(DEV_BASE_URL), url).toBe(true);
    const images = resources('Images');
    for (const [id, el] of images) {
      const size = Number(/^Icon\.(\d+)$/.exec(id)?.[1]);
      const file = `addin/public/${(el.getAttribute('DefaultValue') ?? '').slice(DEV_BASE_URL.length)}`;
      expect(pngSize(file), id).toEqual({ width: size, height: size });
    }
    for (const [name, size] of [['IconUrl', 64], ['HighResolutionIconUrl', 128]] as const) {
      const file = `addin/public/${(one(root, name).getAttribute('DefaultValue') ?? '').slice(DEV_BASE_URL.length)}`;
      expect(pngSize(file), name).toEqual({ width: size, height: size });
    }
  });
});

describe('the deployment base URL (a build setting)', () => {
  it('moves every URL to the given base, and the result still validates', async () => {
    const moved = manifestForBaseUrl(XML, 'https://relance.example.com/outlook');
    expect(moved).not.toContain('localhost');
    expect(moved).toContain('<SourceLocation DefaultValue="https://relance.example.com/outlook/taskpane.html" />');
    const manifest = (await convertToJson(moved))['manifest.json'];
    expect(schemaErrors(manifest, 'MicrosoftTeams.schema.json')).toEqual([]);
    expect((manifest as { validDomains: string[] }).validDomains).toEqual(['https://relance.example.com']);
  });

  it('refuses a base Office cannot load, with a clear message', () => {
    expect(() => normaliseBaseUrl('http://relance.example.com/')).toThrow(/must be https/);
    expect(() => normaliseBaseUrl('relance.example.com')).toThrow(/not a URL/);
    expect(() => normaliseBaseUrl('https://relance.example.com/?v=1')).toThrow(/query/);
    expect(normaliseBaseUrl('https://relance.example.com')).toBe('https://relance.example.com/');
  });
});
