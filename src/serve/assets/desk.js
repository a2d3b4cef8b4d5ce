// The web desk's page: sends the draft to /api/desk and shows each finding
// in place, with its explanation beside it. Plain DOM, no libraries: the
// page is served from the binary and must work offline.
'use strict';

const CATEGORIES = ['sourcing', 'hedging', 'loaded-language', 'puffery', 'editorializing', 'attribution'];
const $ = (id) => document.getElementById(id);
let view = null;          // the last /api/desk answer
const hidden = new Set(); // categories filtered out

function setStatus(text, isError) {
  const s = $('status');
  s.textContent = text;
  s.className = isError ? 'error' : '';
}

async function send(body, query, contentType) {
  setStatus('Checking…');
  const res = await fetch('/api/desk' + query, {
    method: 'POST',
    headers: { 'Content-Type': contentType },
    body,
  });
  const data = await res.json().catch(() => null);
  if (!res.ok) {
    throw new Error(data && data.error ? data.error.message : res.status + ' ' + res.statusText);
  }
  return data;
}

function checkDraft() {
  const body = JSON.stringify({ text: $('draft').value, format: $('format').value });
  send(body, '', 'application/json').then(show, fail);
}

function checkFile(file) {
  const ext = (file.name.split('.').pop() || '').toLowerCase();
  const format = { md: 'md', markdown: 'md', html: 'html', htm: 'html', txt: 'txt', text: 'txt' }[ext];
  send(file, '?filename=' + encodeURIComponent(file.name), 'application/octet-stream').then((d) => {
    // Text files go into the box so they can be edited and checked again.
    if (format) {
      $('draft').value = d.text;
      $('format').value = format;
    }
    show(d);
  }, fail);
}

function fail(err) {
  setStatus(err.message, true);
}

function show(data) {
  view = data;
  const n = data.report.findings.length;
  setStatus(n === 0 ? 'No findings.' : n + (n === 1 ? ' finding.' : ' findings.'));
  $('doc').hidden = false;
  $('side').hidden = false;
  renderCounts();
  renderFilters();
  renderDoc();
  renderList();
}

function visible(i) {
  return !hidden.has(view.report.findings[i].category);
}

// The text cut at every edge of a visible finding; each piece inside one or
// more findings is a <mark> naming them in data-f (findings may overlap).
function renderDoc() {
  const doc = $('doc');
  doc.textContent = '';
  const text = view.text;
  const findings = view.report.findings;
  const edges = [];
  view.spans.forEach(([s, e], i) => {
    if (visible(i) && s < e) {
      edges.push([s, 1, i], [e, 0, i]);
    }
  });
  edges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const open = new Set();
  let at = 0;
  const piece = (end) => {
    if (end <= at) return;
    const part = text.slice(at, end);
    if (open.size === 0) {
      doc.append(part);
    } else {
      const ids = [...open].sort((a, b) => a - b);
      const m = document.createElement('mark');
      m.textContent = part;
      m.dataset.f = ids.join(' ');
      m.className = 'finding c-' + findings[ids[ids.length - 1]].category;
      m.title = ids.map((i) => findings[i].message).join('\n');
      m.addEventListener('click', () => select(ids[ids.length - 1], false));
      doc.append(m);
    }
    at = end;
  };
  for (const [pos, isStart, i] of edges) {
    piece(pos);
    if (isStart) open.add(i); else open.delete(i);
  }
  piece(text.length);
}

function renderList() {
  const list = $('findings');
  list.textContent = '';
  const findings = view.report.findings;
  findings.forEach((f, i) => {
    if (!visible(i)) return;
    const rule = view.rules[f.rule] || {};
    const li = el('li', 'c-' + f.category);
    li.dataset.f = String(i);
    const head = el('div', 'head');
    const left = el('span');
    left.append(el('span', 'swatch s-' + f.category), ' ' + f.category + ' · ' + f.rule);
    head.append(left, el('span', 'sev-' + f.severity, f.severity + ' · ' + f.line + ':' + f.column));
    li.append(head, el('div', 'message', f.message));
    if (rule.explanation) {
      li.append(el('p', 'why', rule.explanation.split('\n\n')[0]));
    }
    for (const s of f.suggestions || []) {
      const fix = el('div', 'fix', 'Suggest: ');
      fix.append(el('code', '', s.replacement), s.applicability === 'safe' ? ' (safe)' : ' (check the meaning)');
      li.append(fix);
    }
    if (rule.references && rule.references.length) {
      const refs = el('ul', 'refs');
      rule.references.forEach((r) => refs.append(el('li', '', r)));
      li.append(refs);
    }
    li.addEventListener('click', () => select(i, true));
    list.append(li);
  });
  if (!list.children.length) {
    list.append(el('li', 'empty', 'Nothing to show.'));
  }
}

function renderCounts() {
  const c = view.counts;
  const box = $('counts');
  box.textContent = '';
  const n = view.report.findings.length;
  box.append(el('div', 'total', n + (n === 1 ? ' finding' : ' findings')));
  const dl = el('dl');
  const row = (k, v) => dl.append(el('dt', '', k), el('dd', '', String(v)));
  row('quotations', c.quotations);
  row('attributions', c.attributions);
  row('… to named sources', c.named);
  row('… to vague sources', c.vague);
  row('… to anonymous sources', c.anonymous);
  box.append(dl);
}

function renderFilters() {
  const box = $('filters');
  box.querySelectorAll('label').forEach((l) => l.remove());
  for (const cat of CATEGORIES) {
    const label = el('label');
    const input = document.createElement('input');
    input.type = 'checkbox';
    input.value = cat;
    input.checked = !hidden.has(cat);
    input.addEventListener('change', () => {
      if (input.checked) hidden.delete(cat); else hidden.add(cat);
      renderDoc();
      renderList();
    });
    label.append(input, el('span', 'swatch s-' + cat), cat + ' (' + (view.counts.categories[cat] || 0) + ')');
    box.append(label);
  }
}

function select(i, scrollDoc) {
  document.querySelectorAll('.active').forEach((e) => e.classList.remove('active'));
  const marks = [...document.querySelectorAll('mark[data-f]')].filter((m) => m.dataset.f.split(' ').includes(String(i)));
  marks.forEach((m) => m.classList.add('active'));
  const card = document.querySelector('#findings li[data-f="' + i + '"]');
  if (card) card.classList.add('active');
  const target = scrollDoc ? marks[0] : card;
  // Smooth unless the reader asked for less motion.
  const still = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
  if (target) target.scrollIntoView({ block: 'center', behavior: still ? 'auto' : 'smooth' });
}

function el(tag, cls, text) {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined) e.textContent = text;
  return e;
}

document.addEventListener('DOMContentLoaded', () => {
  $('check').addEventListener('click', checkDraft);
  $('draft').addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) checkDraft();
  });
  $('file').addEventListener('change', (e) => {
    if (e.target.files.length) checkFile(e.target.files[0]);
  });
  const drop = $('drop');
  drop.addEventListener('dragover', (e) => {
    e.preventDefault();
    drop.classList.add('over');
  });
  drop.addEventListener('dragleave', () => drop.classList.remove('over'));
  drop.addEventListener('drop', (e) => {
    e.preventDefault();
    drop.classList.remove('over');
    if (e.dataTransfer.files.length) checkFile(e.dataTransfer.files[0]);
  });
});
