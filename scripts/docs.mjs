// Regenerates the README's inputs and outputs tables of the three actions from their
// action.yml files, as actions/checkout does, so the two cannot drift apart. Each table sits
// between marker comments, `<!-- docs:<action>:<inputs|outputs> -->` and the same with
// `:end`; everything else in the README is left as it is.
//
//   npm run docs          rewrite the tables (running it twice changes nothing)
//   npm run docs:check    exit 1, naming the README section, when a table is out of date
//
// Descriptions are Markdown. A cell is one line: line breaks become spaces (a blank line
// becomes <br>), `|` is escaped and `<` outside inline code becomes &lt;. An input without
// a `default:` (one the config file can also set) may say "Default: … ." in its description:
// that sentence goes in the default column.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const USAGE = 'usage: node scripts/docs.mjs [--check] [--root DIR]   (npm run docs, npm run docs:check)';

/** The actions whose tables the README carries: marker name → action.yml, relative to the root. */
const ACTIONS = [
  ['backup', 'action.yml'],
  ['restore', 'restore/action.yml'],
  ['list', 'list/action.yml']
];

function parseArgs(argv) {
  const options = { check: false, root: path.dirname(path.dirname(fileURLToPath(import.meta.url))) };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--check') options.check = true;
    else if (arg === '--root' && i + 1 < argv.length) options.root = path.resolve(argv[++i]);
    else if (arg === '--help' || arg === '-h') {
      console.log(USAGE);
      process.exit(0);
    } else {
      console.error(`docs: unknown argument ${JSON.stringify(arg)}\n${USAGE}`);
      process.exit(2);
    }
  }
  return options;
}

/** Escapes what would break a table cell or be read as HTML; inline code keeps its text. */
function cellText(markdown) {
  return markdown
    .split(/(`[^`]*`)/)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(/&(?![a-zA-Z]+;|#\d+;)/g, '&amp;').replace(/</g, '&lt;')))
    .join('')
    .replace(/\|/g, '\\|');
}

/** A description as one table cell: paragraphs joined by <br>, lines within one by spaces. */
function cell(description) {
  const text = String(description ?? '')
    .replace(/\r\n?/g, '\n')
    .trim();
  const paragraphs = text.split(/\n[ \t]*\n/).map(p => p.replace(/\s+/g, ' ').trim());
  return paragraphs.filter(Boolean).map(cellText).join('<br>');
}

/** `value` as inline code, with longer fences when it holds a backtick. */
function code(value) {
  const fence = '`'.repeat(Math.max(0, ...[...value.matchAll(/`+/g)].map(m => m[0].length)) + 1);
  const pad = value.startsWith('`') || value.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${value}${pad}${fence}`;
}

/** The default column, and the description left for the other column. */
function defaultCell(spec) {
  const description = String(spec.description ?? '');
  if (spec.required === true && spec.default === undefined) return ['required', description];
  if (spec.default !== undefined) {
    const value = String(spec.default);
    return [value === '' ? 'empty' : code(value).replace(/\|/g, '\\|'), description];
  }
  const m = /(^|\s)Default: (.+?\.)(?=\s|$)/.exec(description);
  if (!m) return ['none', description];
  const rest = (description.slice(0, m.index) + m[1] + description.slice(m.index + m[0].length)).replace(/[ \t]+/g, ' ');
  return [cellText(m[2].replace(/\.$/, '').replace(/\s+/g, ' ')), rest];
}

function inputsTable(action) {
  const rows = Object.entries(action.inputs ?? {}).map(([name, spec]) => {
    const [def, description] = defaultCell(spec ?? {});
    return `| ${code(name)} | ${def} | ${cell(description)} |`;
  });
  return ['| input | default | description |', '| --- | --- | --- |', ...rows].join('\n');
}

function outputsTable(action) {
  const rows = Object.entries(action.outputs ?? {}).map(([name, spec]) => `| ${code(name)} | ${cell(spec?.description)} |`);
  return ['| output | description |', '| --- | --- |', ...rows].join('\n');
}

/** Every generated section: marker name → table. */
function sections(root) {
  const result = new Map();
  for (const [name, file] of ACTIONS) {
    const action = parse(readFileSync(path.join(root, file), 'utf8'));
    result.set(`docs:${name}:inputs`, inputsTable(action));
    result.set(`docs:${name}:outputs`, outputsTable(action));
  }
  return result;
}

/** The heading a line sits under, to name the section in messages. */
function headingBefore(lines, index) {
  for (let i = index; i >= 0; i--) if (/^#{1,6} /.test(lines[i])) return lines[i].replace(/^#+ /, '').trim();
  return '(top of the file)';
}

/**
 * The README with every table regenerated, and what was out of date. Throws when a marker
 * is missing, repeated, unknown or out of order: then nothing can be regenerated safely.
 */
function regenerate(readme, tables) {
  const eol = readme.includes('\r\n') ? '\r\n' : '\n';
  const lines = readme.split(/\r?\n/);
  const markers = new Map();
  lines.forEach((line, i) => {
    const m = /^<!-- (docs:[a-z-]+:[a-z-]+(?::end)?) -->\s*$/.exec(line);
    if (!m) return;
    if (markers.has(m[1])) throw new Error(`README.md has the marker <!-- ${m[1]} --> twice (lines ${markers.get(m[1]) + 1} and ${i + 1}).`);
    markers.set(m[1], i);
  });
  for (const marker of markers.keys()) {
    const name = marker.replace(/:end$/, '');
    if (!tables.has(name)) throw new Error(`README.md has an unknown marker <!-- ${marker} --> (line ${markers.get(marker) + 1}).`);
  }

  const stale = [];
  const replacements = [];
  for (const [name, table] of tables) {
    const start = markers.get(name);
    const end = markers.get(`${name}:end`);
    if (start === undefined || end === undefined) {
      throw new Error(
        `README.md lacks the marker <!-- ${start === undefined ? name : `${name}:end`} -->: put <!-- ${name} --> and <!-- ${name}:end --> on lines of their own where that table goes.`
      );
    }
    if (end < start) throw new Error(`README.md has <!-- ${name}:end --> (line ${end + 1}) before <!-- ${name} --> (line ${start + 1}).`);
    const wanted = ['', ...table.split('\n'), ''];
    const current = lines.slice(start + 1, end);
    if (current.join('\n') !== wanted.join('\n')) stale.push({ name, heading: headingBefore(lines, start), line: start + 1 });
    replacements.push({ start, end, wanted });
  }
  replacements.sort((a, b) => a.start - b.start);
  for (let i = 1; i < replacements.length; i++) {
    const [outer, inner] = [replacements[i - 1], replacements[i]];
    if (inner.start < outer.end)
      throw new Error(`README.md: the marker on line ${inner.start + 1} is inside the section that starts on line ${outer.start + 1}.`);
  }
  // From the bottom up, so the line numbers of the sections above still hold.
  for (const { start, end, wanted } of replacements.reverse()) lines.splice(start + 1, end - start - 1, ...wanted);
  return { text: lines.join(eol), stale };
}

const options = parseArgs(process.argv.slice(2));
const readmePath = path.join(options.root, 'README.md');
let result;
try {
  const readme = readFileSync(readmePath, 'utf8');
  result = regenerate(readme, sections(options.root));
  if (!options.check && result.text !== readme) writeFileSync(readmePath, result.text);
} catch (err) {
  console.error(`docs: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
}

if (options.check) {
  if (result.stale.length > 0) {
    for (const s of result.stale) {
      console.error(
        `README.md is out of date: the ${s.name.split(':')[2]} table under "${s.heading}" (<!-- ${s.name} -->, line ${s.line}) does not match ${ACTIONS.find(([n]) => n === s.name.split(':')[1])[1]}.`
      );
    }
    console.error('Run `npm run docs` and commit README.md.');
    process.exit(1);
  }
  console.log('README.md inputs and outputs tables match the action.yml files.');
} else if (result.stale.length > 0) {
  console.log(`README.md: regenerated ${result.stale.map(s => s.name).join(', ')}.`);
} else {
  console.log('README.md: the tables were up to date.');
}
