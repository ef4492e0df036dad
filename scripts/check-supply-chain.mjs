#!/usr/bin/env node
// Supply-chain gate for CI (issue 7, case 21). Fails (exit 1) when
//  1. the built bundle (every .js under dist/) evaluates strings as code — a direct or
//     global `eval(…)`, an alias of `eval`, `new Function(…)` / `Function(…)` — at a place
//     not listed in .ci/allow-eval.txt with a reason; or
//  2. package-lock.json has a package with `hasInstallScript: true` that is not listed in
//     .ci/allow-install-scripts.txt with a reason.
//
// The bundle is parsed (TypeScript's parser, a direct devDependency), so a method that is
// merely *named* eval — `poly.eval(x)` or `{ eval(a, b) { … } }` in @noble/curves — is
// reported as "not eval" instead of failing the build; every textual `eval(` / `Function(`
// is still accounted for in the output. Not covered: code built by other routes
// (`(function(){}).constructor(…)`, `setTimeout('code')`, `import()` of a data: URL); the
// extension CSP (script-src 'self' 'wasm-unsafe-eval') blocks those at run time anyway.
//
// Usage: node scripts/check-supply-chain.mjs [--dist dir] [--lock file]
//          [--allow-eval file] [--allow-install file] [--quiet]

import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import ts from 'typescript';

const root = resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? resolve(args[i + 1]) : fallback;
};
const dist = opt('dist', join(root, 'dist'));
const lockFile = opt('lock', join(root, 'package-lock.json'));
const allowEvalFile = opt('allow-eval', join(root, '.ci/allow-eval.txt'));
const allowInstallFile = opt('allow-install', join(root, '.ci/allow-install-scripts.txt'));
const quiet = args.includes('--quiet');

const problems = [];
const log = (line) => {
  if (!quiet) console.log(line);
};

/** Lines "a | b | reason", '#' comments and blank lines ignored; every field required. */
function readAllowFile(file, fields) {
  if (!existsSync(file)) {
    problems.push(`${relative(root, file)} is missing`);
    return [];
  }
  const entries = [];
  readFileSync(file, 'utf8')
    .split('\n')
    .forEach((raw, i) => {
      const line = raw.trim();
      if (!line || line.startsWith('#')) return;
      // The reason is the last field and may itself contain "|".
      const cut = line.split('|');
      const parts = [...cut.slice(0, fields - 1), cut.slice(fields - 1).join('|')].map((s) => s.trim());
      if (parts.length !== fields || parts.some((p) => !p)) {
        problems.push(`${relative(root, file)}:${i + 1}: expected ${fields} non-empty fields separated by "|" (the last one is the reason): ${line}`);
        return;
      }
      entries.push({ fields: parts, line: i + 1, used: 0 });
    });
  return entries;
}

function globToRegExp(glob) {
  return new RegExp(`^${glob.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*')}$`);
}

// ---- 1. eval / Function in the bundle ------------------------------------------------

const GLOBALS = new Set(['window', 'self', 'globalThis', 'global', 'top', 'parent', 'frames']);

function jsFiles(dir, out = []) {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) jsFiles(p, out);
    else if (/\.(m|c)?js$/.test(name)) out.push(p);
  }
  return out;
}

const isGlobalMember = (node, name) =>
  ts.isPropertyAccessExpression(node) && node.name.text === name && ts.isIdentifier(node.expression) && GLOBALS.has(node.expression.text);

/** The callee without parentheses and `(0, x)` comma wrappers. */
function unwrap(node) {
  for (;;) {
    if (ts.isParenthesizedExpression(node)) node = node.expression;
    else if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.CommaToken) node = node.right;
    else return node;
  }
}

/** Is this `eval` identifier a reference to the global (not a property / method / declaration name)? */
function isEvalReference(id) {
  const p = id.parent;
  if (!p) return true;
  if ((ts.isPropertyAccessExpression(p) && p.name === id) || (ts.isPropertyAssignment(p) && p.name === id)) return false;
  if ((ts.isMethodDeclaration(p) || ts.isPropertyDeclaration(p) || ts.isGetAccessor(p) || ts.isSetAccessor(p)) && p.name === id) return false;
  if (ts.isShorthandPropertyAssignment(p)) return true; // { eval } captures the global
  if ((ts.isVariableDeclaration(p) || ts.isParameter(p) || ts.isFunctionDeclaration(p) || ts.isBindingElement(p)) && p.name === id) return false;
  return true;
}

function scanBundle(file, allow) {
  const rel = relative(dist, file);
  const text = readFileSync(file, 'utf8');
  const textual = (text.match(/\beval\s*\(|\bFunction\s*\(/g) ?? []).length;
  const sf = ts.createSourceFile(rel, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.JS);
  if (sf.parseDiagnostics?.length) {
    problems.push(`dist/${rel}: could not be parsed (${sf.parseDiagnostics[0].messageText}); refusing to vouch for it`);
    return;
  }
  const findings = [];
  const notEval = [];
  const visit = (node) => {
    if (ts.isIdentifier(node) && node.text === 'eval') {
      if (isEvalReference(node)) findings.push({ node, what: ts.isCallExpression(node.parent) && node.parent.expression === node ? 'eval(…)' : 'reference to eval' });
      else notEval.push(node);
    } else if (isGlobalMember(node, 'eval')) {
      findings.push({ node, what: `${node.expression.text}.eval` });
    } else if ((ts.isNewExpression(node) || ts.isCallExpression(node)) && node.expression) {
      const callee = unwrap(node.expression);
      if ((ts.isIdentifier(callee) && callee.text === 'Function') || isGlobalMember(callee, 'Function')) {
        findings.push({ node, what: `${ts.isNewExpression(node) ? 'new ' : ''}Function(…)` });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  for (const f of findings) {
    const src = f.node.getText(sf);
    const at = sf.getLineAndCharacterOfPosition(f.node.getStart(sf));
    const context = text.slice(Math.max(0, f.node.getStart(sf) - 80), f.node.getEnd() + 80);
    const entry = allow.find((e) => globToRegExp(e.fields[0]).test(rel) && (src.includes(e.fields[1]) || context.includes(e.fields[1])));
    const where = `dist/${rel}:${at.line + 1}:${at.character + 1}`;
    if (entry) {
      entry.used++;
      log(`  allowed  ${where} ${f.what} (.ci/allow-eval.txt:${entry.line}: ${entry.fields[2]})`);
    } else {
      problems.push(`${where}: ${f.what} — not listed in .ci/allow-eval.txt: ${src.slice(0, 160).replace(/\s+/g, ' ')}`);
    }
  }
  log(`  dist/${rel}: ${textual} textual eval(/Function( match(es); ${findings.length} real; ${notEval.length} method/property named "eval" (not eval)`);
}

// ---- 2. install scripts in the lock file --------------------------------------------

function scanLock(allow) {
  const lock = JSON.parse(readFileSync(lockFile, 'utf8'));
  const packages = lock.packages ?? {};
  let count = 0;
  for (const [path, meta] of Object.entries(packages)) {
    if (!path || !meta?.hasInstallScript) continue;
    count++;
    const name = path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length);
    const id = `${name}@${meta.version}`;
    const entry = allow.find((e) => e.fields[0] === name || e.fields[0] === id);
    if (entry) {
      entry.used++;
      log(`  allowed  ${path} (${id}): ${entry.fields[1]}`);
    } else {
      problems.push(`${path} (${id}) has an install script and is not listed in .ci/allow-install-scripts.txt with a reason`);
    }
  }
  log(`  package-lock.json: ${count} package(s) with install scripts`);
}

// ---- run -----------------------------------------------------------------------------

const allowEval = readAllowFile(allowEvalFile, 3);
const allowInstall = readAllowFile(allowInstallFile, 2);
log('supply chain: eval / Function in the bundle');
if (!existsSync(dist)) problems.push(`${relative(root, dist) || dist} does not exist: build first`);
else {
  const files = jsFiles(dist);
  if (files.length === 0) problems.push(`no .js files under ${relative(root, dist)}`);
  for (const f of files) scanBundle(f, allowEval);
}
log('supply chain: install scripts');
scanLock(allowInstall);
for (const e of [...allowEval, ...allowInstall]) {
  if (e.used === 0) log(`  note: allow entry not needed any more: ${e.fields.join(' | ')}`);
}
if (problems.length) {
  console.error(`\nsupply-chain check FAILED:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  process.exit(1);
}
log('supply-chain check passed');
