// The architecture's walls, as an ESLint rule: which folders a file may import from (relative
// imports are resolved to a path in the repository), and which packages it may not import.
// Used by eslint.config.js; import-walls.test.ts shows it catching planted violations.
import { dirname, relative, resolve, sep } from 'node:path';

/**
 * @typedef {object} Wall
 * @property {string} files       files this wall applies to: a path prefix inside the repository ('' = all)
 * @property {string} [except]    a regular expression: files it does not apply to
 * @property {string[]} [allow]   where relative imports may point (path prefixes); absent = anywhere
 * @property {string[]} [packages] packages these files may not import (a name covers its sub-paths)
 * @property {string} why         the message, naming the rule broken
 */

/** @param {string} path */
const toPosix = (path) => path.split(sep).join('/');
/** @param {string} path @param {string} prefix */
const under = (path, prefix) => prefix === '' || path === prefix.replace(/\/$/, '') || path.startsWith(prefix);
/** @param {string} spec @param {string} name */
const isPackage = (spec, name) => spec === name || spec.startsWith(`${name}/`);

/** @type {import('eslint').Rule.RuleModule} */
const importWalls = {
  meta: {
    type: 'problem',
    docs: { description: 'Imports point one way: app → core, engine → core, cli → core/engine, scripts → cli (see style.md).' },
    schema: [{ type: 'object', properties: { walls: { type: 'array' } }, required: ['walls'], additionalProperties: false }],
  },
  create(context) {
    /** @type {Wall[]} */
    const walls = context.options[0].walls;
    const root = context.cwd;
    const file = toPosix(relative(root, context.filename));
    const mine = walls.filter((w) => under(file, w.files) && !(w.except && new RegExp(w.except).test(file)));
    if (mine.length === 0) return {};

    /** @param {import('eslint').Rule.Node} node @param {unknown} spec */
    function check(node, spec) {
      if (typeof spec !== 'string') return;
      if (spec.startsWith('.')) {
        const target = toPosix(relative(root, resolve(dirname(context.filename), spec)));
        for (const wall of mine) {
          if (wall.allow && !wall.allow.some((prefix) => under(target, prefix))) context.report({ node, message: `${file} may not import ${target}: ${wall.why}` });
        }
        return;
      }
      for (const wall of mine) {
        const banned = wall.packages?.find((name) => isPackage(spec, name));
        if (banned) context.report({ node, message: `${file} may not import ${spec}: ${wall.why}` });
      }
    }

    return {
      ImportDeclaration: (node) => check(node, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value),
      ExportAllDeclaration: (node) => check(node, node.source.value),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node, node.source.value),
    };
  },
};

export const wallsPlugin = { rules: { imports: importWalls } };

const TESTS = '\\.(test|fixture)\\.ts$';
const UI = ['react', 'react-dom', 'zustand', 'comlink', 'idb-keyval', 'recharts', '@tanstack'];
const ORT = ['onnxruntime-web', 'onnxruntime-node', 'onnxruntime-common'];

/** The project's walls (style.md's rooms). Tests may cross them: they wire the engine to onnxruntime-node. */
export const WALLS = [
  // The engine's tests may load onnxruntime-web's WASM build in Node, to show an option's effect on the runtime the app ships.
  { files: '', except: `^src/engine/[^/]+\\.worker\\.ts$|^src/engine/[^/]+${TESTS}`, packages: ['onnxruntime-web'], why: 'only src/engine/*.worker.ts imports onnxruntime-web' },
  { files: 'src/', except: `${TESTS}|^src/core/check/check-report-validator\\.ts$`, packages: ['ajv', 'protobufjs/light', 'protobufjs/light.js', 'protobufjs/full'], why: 'nothing the app runs may evaluate code (the CSP forbids it): ONNX decoders are generated (onnx-schema.ts), ajv is for Node only' },
  { files: 'src/core/', except: TESTS, allow: ['src/core/'], packages: [...UI, ...ORT], why: 'core is pure TypeScript: no DOM, no React, no onnxruntime, nothing from app or engine' },
  { files: 'src/core/protocol/', except: TESTS, allow: ['src/core/protocol/'], why: 'the engine contract depends on nothing else' },
  { files: 'src/engine/', except: TESTS, allow: ['src/engine/', 'src/core/'], packages: [...UI.filter((p) => p !== 'comlink'), 'onnxruntime-node'], why: 'the engine imports only core (and onnxruntime, injected)' },
  { files: 'src/app/', except: TESTS, allow: ['src/app/', 'src/core/'], packages: ORT, why: 'the page imports only core; it reaches the engine through the engine client and core/protocol' },
  { files: 'cli/', except: TESTS, allow: ['cli/', 'src/core/', 'src/engine/', 'package.json'], why: 'the CLI imports core and the engine, never scripts (scripts import the CLI)' },
  { files: 'scripts/', allow: ['scripts/', 'cli/', 'src/core/', 'node_modules/'], why: 'scripts import the CLI and core' },
  { files: 'e2e/', allow: ['e2e/', 'cli/', 'src/core/', 'public/'], why: 'end-to-end tests drive the built app; they import only core and the CLI' },
];
