// copydesk HTML report. Renders the embedded JSON with DOM text APIs only:
// article text is never parsed as markup (reporter_test.go bans the HTML-parsing
// APIs from this file).
(function () {
  'use strict';

  var DIMS = ['boilerplate', 'templated', 'attribution', 'fabrication'];
  var DIM_LABEL = { boilerplate: 'Boilerplate', templated: 'Templated', attribution: 'Attribution', fabrication: 'Fabrication' };
  var DIM_SHORT = { boilerplate: 'BP', templated: 'TP', attribution: 'AT', fabrication: 'FB' };
  var SEV_RANK = { info: 0, warning: 1, error: 2 };
  var VERDICTS = ['fail', 'warn', 'pass', 'error'];
  var VERDICT_RANK = { fail: 3, warn: 2, pass: 1, unscored: 0, error: -1 };
  var STATUS_RANK = { contradicted: 0, unverifiable: 1, unknown: 2, corroborated: 3, verified: 4 };
  var STATUS_LABEL = {
    verified: '✓ verified', corroborated: '✓ corroborated', contradicted: '✗ contradicted',
    unverifiable: '? unverifiable', unknown: '– unknown'
  };
  var PAGE = 400; // overview rows drawn per step; more follow on scroll

  function byId(id) { return document.getElementById(id); }
  function readJSON(id) {
    var node = byId(id);
    return node ? JSON.parse(node.textContent) : null;
  }
  // el builds an element; children that are strings become text nodes.
  function el(tag, attrs) {
    var e = document.createElement(tag);
    if (attrs) {
      for (var k in attrs) {
        var v = attrs[k];
        if (v === null || v === undefined || v === false) continue;
        if (k === 'class') e.className = v;
        else if (k === 'text') e.textContent = v;
        else e.setAttribute(k, v === true ? '' : String(v));
      }
    }
    for (var i = 2; i < arguments.length; i++) {
      var c = arguments[i];
      if (c === null || c === undefined || c === false) continue;
      e.append(c);
    }
    return e;
  }
  // Class names built from data are restricted to known values.
  function dimClass(d) { return 'd-' + (DIM_LABEL[d] ? d : 'other'); }
  function verdictClass(v) { return 'v-' + (VERDICT_RANK[v] !== undefined ? v : 'unscored'); }
  function sevName(s) { return SEV_RANK[s] !== undefined ? s : 'info'; }
  function statusName(s) { return STATUS_RANK[s] !== undefined ? s : 'unknown'; }
  function num(n) { n = Number(n); return isFinite(n) ? Math.max(0, Math.min(100, Math.round(n))) : 0; }

  function gauge(score, verdict, big) {
    var g = el('span', { class: 'gauge ' + verdictClass(verdict) + (big ? ' big' : ''), role: 'img',
      'aria-label': 'score ' + num(score) + ' of 100' }, el('span', { text: String(num(score)) }));
    g.style.setProperty('--v', num(score));
    return g;
  }
  function bar(v, dim) {
    var i = el('i');
    i.style.setProperty('--v', num(v));
    return el('span', { class: 'bar ' + dimClass(dim), 'aria-hidden': 'true' }, i);
  }

  var meta = readJSON('cd-meta') || { summary: {}, rules: {} };
  var rows = readJSON('cd-overview') || [];
  var app = byId('app');
  var tip = byId('cd-tip');
  var articleCache = {};

  function article(i) {
    if (!(i in articleCache)) articleCache[i] = readJSON('cd-a-' + i);
    return articleCache[i];
  }
  function displayTitle(r) { return r.t || r.id || 'Untitled'; }

  // ---- Overview ---------------------------------------------------------

  var state = { sort: 'score', dir: -1, verdicts: {}, query: '', order: [] };
  var overviewNode = null, emptyNode = null, tbody = null, countNode = null, moreNode = null, drawn = 0, observer = null;

  var COLUMNS = [
    { key: 'score', label: 'Score', cls: 'num c-score', get: function (r) { return r.s; } },
    { key: 'title', label: 'Article', cls: 'c-title', get: function (r) { return displayTitle(r).toLowerCase(); } },
    { key: 'source', label: 'Source', cls: 'c-src', get: function (r) { return (r.src || '').toLowerCase(); } },
    { key: 'date', label: 'Date', cls: 'c-date', get: function (r) { return r.d || ''; } }
  ];
  DIMS.forEach(function (d, k) {
    COLUMNS.push({ key: d, label: DIM_LABEL[d], cls: 'num c-dim', get: function (r) { return r.dm[k]; } });
  });
  COLUMNS.push({ key: 'findings', label: 'Findings', cls: 'num c-find', get: function (r) { return r.f; } });

  function computeOrder() {
    var col = COLUMNS.filter(function (c) { return c.key === state.sort; })[0] || COLUMNS[0];
    var anyVerdict = Object.keys(state.verdicts).some(function (k) { return state.verdicts[k]; });
    var q = state.query.trim().toLowerCase();
    var idx = [];
    for (var i = 0; i < rows.length; i++) {
      var r = rows[i];
      if (anyVerdict && !state.verdicts[r.v === 'unscored' ? 'pass' : r.v]) continue;
      if (q && (displayTitle(r) + ' ' + (r.src || '') + ' ' + r.id + ' ' + (r.l || '')).toLowerCase().indexOf(q) < 0) continue;
      idx.push(i);
    }
    var keys = rows.map(col.get);
    var dir = state.dir;
    idx.sort(function (a, b) {
      var x = keys[a], y = keys[b];
      if (x < y) return -dir;
      if (x > y) return dir;
      return a - b;
    });
    state.order = idx;
  }

  function rowNode(i) {
    var r = rows[i];
    var tr = el('tr', { tabindex: '0', 'data-i': i, 'aria-label': displayTitle(r) + ', score ' + num(r.s) + ', ' + r.v });
    tr.append(el('td', { class: 'num c-score' }, gauge(r.s, r.v)));
    var title = el('td', { class: 'c-title' }, el('div', { class: 'title', text: displayTitle(r) }));
    var sub = r.err ? 'Could not be read: ' + r.err : (r.l || (r.t ? r.id : ''));
    if (sub) title.append(el('div', { class: 'sub', text: sub }));
    tr.append(title);
    tr.append(el('td', { class: 'c-src src', text: r.src || '—' }));
    tr.append(el('td', { class: 'c-date date', text: r.d || '—' }));
    DIMS.forEach(function (d, k) {
      tr.append(el('td', { class: 'num c-dim' },
        el('span', { class: 'dimcell', 'data-label': DIM_SHORT[d] }, bar(r.dm[k], d), el('span', { text: String(num(r.dm[k])) }))));
    });
    var find = el('td', { class: 'num c-find' }, el('span', { text: String(r.f) }));
    if (r.p) find.append(' ', el('span', { class: 'flag', title: r.p + ' people contradicted or unverifiable', text: '⚑' + r.p }));
    tr.append(find);
    return tr;
  }

  function drawMore() {
    var frag = document.createDocumentFragment();
    var end = Math.min(state.order.length, drawn + PAGE);
    for (var k = drawn; k < end; k++) frag.append(rowNode(state.order[k]));
    tbody.append(frag);
    drawn = end;
    var left = state.order.length - drawn;
    moreNode.hidden = left <= 0;
    moreNode.textContent = 'Show ' + Math.min(left, PAGE) + ' more of ' + left;
  }

  function drawRows() {
    computeOrder();
    tbody.textContent = '';
    drawn = 0;
    drawMore();
    countNode.textContent = state.order.length === rows.length
      ? rows.length + (rows.length === 1 ? ' article' : ' articles')
      : state.order.length + ' of ' + rows.length + ' articles';
    emptyNode.hidden = state.order.length > 0;
    overviewNode.querySelectorAll('th[data-key]').forEach(function (th) {
      th.setAttribute('aria-sort', th.dataset.key === state.sort ? (state.dir > 0 ? 'ascending' : 'descending') : 'none');
    });
    VERDICTS.forEach(function (v) {
      var t = overviewNode.querySelector('#cd-filter-' + v);
      if (t) t.setAttribute('aria-pressed', state.verdicts[v] ? 'true' : 'false');
    });
  }

  function buildOverview() {
    var s = meta.summary || {};
    var counts = { pass: 0, warn: 0, fail: 0, error: 0 };
    rows.forEach(function (r) { counts[r.v === 'unscored' ? 'pass' : r.v] = (counts[r.v === 'unscored' ? 'pass' : r.v] || 0) + 1; });
    var facts = [rows.length + (rows.length === 1 ? ' article' : ' articles'), 'generated ' + meta.generated];
    if (meta.version) facts.push('copydesk ' + meta.version);
    if (meta.kb) facts.push('knowledge to ' + meta.kb);
    if (s.elapsed) facts.push('analysed in ' + s.elapsed);

    var tiles = el('div', { class: 'tiles', role: 'group', 'aria-label': 'Filter by verdict' });
    var names = { fail: 'Fail', warn: 'Warn', pass: 'Pass', error: 'Unreadable' };
    VERDICTS.forEach(function (v) {
      if (v === 'error' && !counts.error) return;
      var b = el('button', { type: 'button', class: 'tile v-' + v, id: 'cd-filter-' + v, 'aria-pressed': 'false', 'data-verdict': v },
        el('b', { text: String(counts[v] || 0) }), el('span', null, el('i', { class: 'dot', 'aria-hidden': 'true' }), names[v]));
      b.addEventListener('click', function () { state.verdicts[v] = !state.verdicts[v]; drawRows(); });
      tiles.append(b);
    });

    var search = el('input', { type: 'search', placeholder: 'Filter by title, source or id', 'aria-label': 'Filter articles' });
    var timer = 0;
    search.addEventListener('input', function () {
      clearTimeout(timer);
      timer = setTimeout(function () { state.query = search.value; drawRows(); }, 120);
    });
    countNode = el('span', { class: 'count', role: 'status' });

    var headRow = el('tr');
    COLUMNS.forEach(function (c) {
      var b = el('button', { type: 'button', text: c.label });
      b.addEventListener('click', function () {
        if (state.sort === c.key) state.dir = -state.dir;
        else { state.sort = c.key; state.dir = (c.key === 'title' || c.key === 'source') ? 1 : -1; }
        drawRows();
      });
      headRow.append(el('th', { class: c.cls, scope: 'col', 'data-key': c.key, 'aria-sort': 'none' }, b));
    });
    tbody = el('tbody');
    tbody.addEventListener('click', function (e) {
      var tr = e.target.closest('tr[data-i]');
      if (tr) openArticle(Number(tr.dataset.i));
    });
    tbody.addEventListener('keydown', function (e) {
      var tr = e.target.closest('tr[data-i]');
      if (!tr) return;
      if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); openArticle(Number(tr.dataset.i)); }
      else if (e.key === 'ArrowDown' && tr.nextElementSibling) { e.preventDefault(); tr.nextElementSibling.focus(); }
      else if (e.key === 'ArrowUp' && tr.previousElementSibling) { e.preventDefault(); tr.previousElementSibling.focus(); }
    });
    moreNode = el('button', { type: 'button', class: 'more' });
    moreNode.addEventListener('click', drawMore);

    overviewNode = el('section', { class: 'wrap', id: 'cd-overview-view' },
      el('header', { class: 'mast' },
        el('h1', null, el('span', { class: 'brand', text: 'copydesk' }), ' report'),
        el('span', { class: 'meta', text: facts.join(' · ') })),
      tiles,
      el('div', { class: 'toolbar' }, search, countNode),
      el('div', { class: 'table-wrap' },
        el('table', { class: 'overview', id: 'cd-table' },
          el('caption', { class: 'vh', text: 'Articles in this report; choose a column to sort, a row to open' }),
          el('thead', null, headRow), tbody),
        emptyNode = el('p', { class: 'empty', id: 'cd-empty', hidden: true, text: 'No article matches.' }),
        moreNode));
    if ('IntersectionObserver' in window) {
      observer = new IntersectionObserver(function (es) {
        if (es[0].isIntersecting && !moreNode.hidden && overviewNode.isConnected) drawMore();
      }, { rootMargin: '600px' });
      observer.observe(moreNode);
    }
  }

  // ---- Article ----------------------------------------------------------

  var current = -1;

  function openArticle(i) {
    location.hash = '#a=' + i;
  }

  // segments splits text at every finding boundary and returns
  // [{a, b, active: [finding indexes covering a..b]}], so overlapping spans
  // become runs of text each marked with every finding over it.
  function segments(text, fs, valid) {
    var cuts = [0, text.length];
    valid.forEach(function (i) { cuts.push(fs[i].s, fs[i].e); });
    cuts.sort(function (x, y) { return x - y; });
    var out = [];
    for (var k = 0; k + 1 < cuts.length; k++) {
      var a = cuts[k], b = cuts[k + 1];
      if (a === b) continue;
      var active = valid.filter(function (i) { return fs[i].s <= a && fs[i].e >= b; });
      out.push({ a: a, b: b, active: active });
    }
    return out;
  }

  // primary picks the finding whose colour a run wears: the most severe,
  // then the innermost.
  function primary(fs, active) {
    return active.slice().sort(function (x, y) {
      var d = (SEV_RANK[fs[y].sev] || 0) - (SEV_RANK[fs[x].sev] || 0);
      if (d) return d;
      return (fs[x].e - fs[x].s) - (fs[y].e - fs[y].s);
    })[0];
  }

  function markNode(str, fs, active) {
    var p = fs[primary(fs, active)];
    var dims = [];
    active.forEach(function (i) { if (dims.indexOf(fs[i].dim) < 0) dims.push(fs[i].dim); });
    var cls = 'hl ' + dimClass(p.dim) + ' sev-' + sevName(p.sev);
    if (active.some(function (i) { return fs[i].out; })) cls += ' chrome';
    var m = el('mark', { class: cls, tabindex: '0', 'data-f': active.join(' '), 'data-rule': p.r }, str);
    var second = dims.filter(function (d) { return d !== p.dim; })[0];
    if (active.length > 1) {
      m.classList.add('multi');
      m.style.setProperty('--dc2', 'var(--' + dimClass(second || p.dim) + ')');
    }
    return m;
  }

  function paragraphClass(line) {
    if (/^\s*([-•*–]|\d+[.)])\s/.test(line)) return 'li';
    var t = line.trim();
    if (t.length > 0 && t.length < 110 && !/[.!?:;,"”’)]$/.test(t)) return 'sub';
    return '';
  }

  // renderText draws the text as paragraphs (one per line) with findings as
  // <mark> runs. Every piece of article text goes in as a text node.
  function renderText(a, container) {
    var text = a.text || '';
    var fs = a.fs;
    var valid = [];
    fs.forEach(function (f, i) { if (f.s >= 0 && f.e > f.s && f.e <= text.length) valid.push(i); });
    var segs = segments(text, fs, valid);
    var p = null, lineStart = 0;
    function open(at) {
      p = el('p');
      p.dataset.o = at;
      var nl = text.indexOf('\n', at);
      var c = paragraphClass(text.slice(at, nl < 0 ? text.length : nl));
      if (c) p.className = c;
    }
    function close() {
      if (p && p.childNodes.length) container.append(p);
    }
    open(0);
    segs.forEach(function (sg) {
      var str = text.slice(sg.a, sg.b);
      var parts = str.split('\n');
      var at = sg.a;
      parts.forEach(function (part, j) {
        if (j > 0) { close(); open(at); }
        if (part) p.append(sg.active.length ? markNode(part, fs, sg.active) : document.createTextNode(part));
        at += part.length + 1;
      });
    });
    close();
    if (!container.childNodes.length) container.append(el('p', { class: 'nodata', text: a.err ? 'No text: the article could not be read.' : 'No text.' }));
  }

  function ruleTitle(id) {
    var r = meta.rules && meta.rules[id];
    return r && r.t ? r.t : '';
  }

  function findingButton(f, i) {
    var where = f.s >= 0 ? (f.ln ? 'line ' + f.ln + (f.col ? ':' + f.col : '') : '') : 'whole article';
    var b = el('button', { type: 'button', class: 'finding ' + dimClass(f.dim), 'data-f': i,
      'aria-label': f.r + ' ' + sevName(f.sev) + ': ' + f.m },
    el('span', { class: 'top' },
      el('span', { class: 'rule ' + dimClass(f.dim), text: f.r }),
      el('span', { class: 'sev ' + sevName(f.sev), text: sevName(f.sev) }),
      el('span', { class: 'where', text: where })),
    el('span', { class: 'msg', text: f.m }),
    f.q ? el('span', { class: 'quote', text: '“' + f.q + '”' }) : null);
    var t = ruleTitle(f.r);
    if (t) b.title = f.r + ': ' + t;
    return b;
  }

  function personCard(p, a, root) {
    var st = statusName(p.st);
    var flagged = st === 'contradicted' || st === 'unverifiable';
    var name = el('button', { type: 'button', class: 'name', text: p.n });
    if (p.s >= 0) name.addEventListener('click', function () { showOffset(root, p.s, p.e); });
    var roleBits = [p.r, p.a].filter(Boolean).join(', ');
    var counts = [];
    if (p.m) counts.push(p.m + (p.m === 1 ? ' mention' : ' mentions'));
    if (p.q) counts.push(p.q + (p.q === 1 ? ' quote' : ' quotes'));
    return el('li', { class: 'person st-' + st + (flagged ? ' stand-out' : ''), 'data-status': st },
      el('div', { class: 'who' }, name, el('span', { class: 'status', text: STATUS_LABEL[st] })),
      roleBits ? el('div', { class: 'role', text: roleBits }) : null,
      p.ev ? el('div', { class: 'ev', text: p.ev }) : null,
      counts.length ? el('div', { class: 'counts', text: counts.join(' · ') }) : null);
  }

  // quotesTable shows each quote the reference coverage checked beside the
  // reference passage it was compared with: an editor reads the article's
  // words and the agency's side by side.
  var PROVENANCE_LABEL = {
    verbatim: '✓ verbatim', altered: '≠ altered', misattributed: '✗ misattributed', absent: '? absent'
  };
  function quotesTable(a, root) {
    if (!a.qs || !a.qs.length) return null;
    var body = el('tbody');
    a.qs.forEach(function (q) {
      var quote = el('button', { type: 'button', class: 'name', text: q.q });
      if (q.s >= 0) quote.addEventListener('click', function () { showOffset(root, q.s, q.e); });
      var ref = null;
      if (q.ref) {
        var meta = [q.ref.src, q.ref.d, q.ref.tr, 'similarity ' + Number(q.ref.sim).toFixed(2)].filter(Boolean).join(', ');
        ref = el('td', { class: 'ref' },
          q.ref.p ? el('blockquote', { text: q.ref.p }) : null,
          q.ref.sp ? el('div', { class: 'said', text: 'said by ' + q.ref.sp }) : null,
          q.ref.diff && q.pv === 'altered' ? el('div', { class: 'diff', text: q.ref.diff }) : null,
          el('div', { class: 'meta', text: q.ref.id + ' (' + meta + ')' }));
      } else {
        ref = el('td', { class: 'ref none', text: 'Not in the coverage of this story.' });
      }
      body.append(el('tr', { class: 'pv-' + (PROVENANCE_LABEL[q.pv] ? q.pv : 'absent'), 'data-provenance': q.pv },
        el('td', { class: 'quote' }, quote),
        el('td', { text: q.sp || '–' }),
        el('td', { class: 'pv', text: PROVENANCE_LABEL[q.pv] || q.pv }),
        ref));
    });
    return el('section', { class: 'panel quotes', id: 'cd-quotes', 'aria-labelledby': 'cd-quotes-h' },
      el('h3', { id: 'cd-quotes-h' }, el('span', { text: 'Quotes against the reference coverage' }), el('span', { text: String(a.qs.length) })),
      el('table', null,
        el('thead', null, el('tr', null, el('th', { text: 'Quote' }), el('th', { text: 'Speaker' }), el('th', { text: 'Status' }), el('th', { text: 'Reference passage' }))),
        body));
  }

  // showOffset scrolls to a text offset that is not a finding (a person's
  // first mention) and tints it with the CSS highlight API where available.
  function showOffset(root, s, e) {
    var ps = root.querySelectorAll('p[data-o]');
    var p = null;
    for (var k = 0; k < ps.length; k++) { if (Number(ps[k].dataset.o) <= s) p = ps[k]; else break; }
    if (!p) return;
    var walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
    var at = Number(p.dataset.o), range = document.createRange(), started = false, node;
    while ((node = walker.nextNode())) {
      var len = node.data.length;
      if (!started && s < at + len) { range.setStart(node, s - at); started = true; }
      if (started && e <= at + len) { range.setEnd(node, e - at); break; }
      at += len;
    }
    if (!started) return;
    if (range.collapsed) range.setEndAfter(p.lastChild);
    var target = range.startContainer.parentElement;
    target.scrollIntoView({ block: 'center' });
    if (window.CSS && CSS.highlights && typeof Highlight === 'function') {
      CSS.highlights.set('cd-person', new Highlight(range));
      setTimeout(function () { CSS.highlights.delete('cd-person'); }, 2500);
    }
  }

  function focusFinding(root, i, listItem) {
    var marks = root.querySelectorAll('mark[data-f~="' + Number(i) + '"]');
    root.closest('main').querySelectorAll('.finding[aria-current]').forEach(function (b) { b.removeAttribute('aria-current'); });
    if (listItem) listItem.setAttribute('aria-current', 'true');
    if (!marks.length) return;
    marks[0].scrollIntoView({ block: 'center' });
    marks[0].focus({ preventScroll: true });
    marks.forEach(function (m) {
      m.classList.remove('flash');
      void m.offsetWidth; // restart the animation
      m.classList.add('flash');
    });
  }

  function legend(a, textNode) {
    var box = el('div', { class: 'legend', role: 'group', 'aria-label': 'Dimensions: press to show or hide highlights' });
    DIMS.forEach(function (d, k) {
      var n = a.fs.filter(function (f) { return f.dim === d; }).length;
      var b = el('button', { type: 'button', class: dimClass(d), 'aria-pressed': 'true' },
        el('span', { class: 'swatch', 'aria-hidden': 'true' }),
        el('span', { text: DIM_LABEL[d] }), el('b', { text: String(num(a.dm[k])) }),
        el('span', { class: 'sev', text: n + (n === 1 ? ' finding' : ' findings') }));
      b.addEventListener('click', function () {
        var on = b.getAttribute('aria-pressed') !== 'true';
        b.setAttribute('aria-pressed', on ? 'true' : 'false');
        textNode.classList.toggle('hide-' + d, !on);
      });
      box.append(b);
    });
    return box;
  }

  function buildArticle(i) {
    var a = article(i);
    var r = rows[i];
    if (!a || !r) return el('section', { class: 'wrap' }, el('p', { class: 'empty', text: 'No such article in this report.' }));

    var pos = state.order.indexOf(i);
    var back = el('button', { type: 'button', class: 'btn', id: 'cd-back', text: '← All articles' });
    back.addEventListener('click', function () { location.hash = ''; });
    var prev = el('button', { type: 'button', class: 'btn', text: '↑ Previous', disabled: pos <= 0 });
    var next = el('button', { type: 'button', class: 'btn', text: 'Next ↓', disabled: pos < 0 || pos >= state.order.length - 1 });
    prev.addEventListener('click', function () { if (pos > 0) openArticle(state.order[pos - 1]); });
    next.addEventListener('click', function () { if (pos >= 0 && pos < state.order.length - 1) openArticle(state.order[pos + 1]); });

    var metaBits = [];
    if (a.src) metaBits.push(a.src);
    if (a.d) metaBits.push(a.d);
    if (a.w) metaBits.push(a.w + ' words');
    if (a.t) metaBits.push(a.id); // an untitled article already shows its id as the title
    if (a.url) metaBits.push(a.url);
    else if (a.path) metaBits.push(a.path);

    var textNode = el('article', { class: 'text', id: 'cd-text', 'aria-label': 'Article text with findings highlighted' });
    renderText(a, textNode);

    var head = el('header', { class: 'head' },
      gauge(a.s, a.v, true),
      el('div', null,
        el('h2', { id: 'cd-title', tabindex: '-1', text: a.t || a.id || 'Untitled' }),
        el('div', { class: 'meta' }, el('span', { class: 'badge ' + verdictClass(a.v), text: a.v }),
          metaBits.map(function (m) { return el('span', { text: ' ' + m }); }).reduce(function (f, n) { f.append(n); return f; }, document.createDocumentFragment()))),
      legend(a, textNode),
      a.x ? el('p', { class: 'explain', text: a.x }) : null,
      a.err ? el('p', { class: 'err', text: 'Could not be read: ' + a.err }) : null,
      a.n && a.n.length ? el('ul', { class: 'notes' }, a.n.map(function (n) { return el('li', { text: n }); })
        .reduce(function (f, n) { f.append(n); return f; }, document.createDocumentFragment())) : null);

    // Side: people first (the costliest mistakes), then findings, then chrome.
    var people = a.ps.map(function (p, k) { return { p: p, k: k }; });
    people.sort(function (x, y) { return (STATUS_RANK[statusName(x.p.st)] - STATUS_RANK[statusName(y.p.st)]) || (x.k - y.k); });
    var peopleList = el('ul', { id: 'cd-people' });
    people.forEach(function (x) { peopleList.append(personCard(x.p, a, textNode)); });
    var flagged = a.ps.filter(function (p) { return p.st === 'contradicted' || p.st === 'unverifiable'; }).length;
    var peoplePanel = el('section', { class: 'panel', 'aria-labelledby': 'cd-people-h' },
      el('h3', { id: 'cd-people-h' }, el('span', { text: 'People' }),
        el('span', { text: a.ps.length ? a.ps.length + (flagged ? ' · ' + flagged + ' flagged' : '') : '' })),
      a.ps.length ? peopleList : el('p', { class: 'none', text: 'No people identified.' }));

    var mainList = el('ol', { id: 'cd-findings' });
    var chromeList = el('ol', { id: 'cd-chrome' });
    a.fs.forEach(function (f, k) {
      var li = el('li', null, findingButton(f, k));
      (f.out ? chromeList : mainList).append(li);
    });
    var side = el('aside', { class: 'side', 'aria-label': 'Findings and people' },
      peoplePanel,
      el('section', { class: 'panel', 'aria-labelledby': 'cd-findings-h' },
        el('h3', { id: 'cd-findings-h' }, el('span', { text: 'Findings' }), el('span', { text: String(mainList.childNodes.length) })),
        mainList.childNodes.length ? mainList : el('p', { class: 'none', text: 'Nothing found in the main text.' })),
      chromeList.childNodes.length ? el('section', { class: 'panel chrome-block', 'aria-labelledby': 'cd-chrome-h' },
        el('h3', { id: 'cd-chrome-h' }, el('span', { text: 'Page chrome (outside the main text)' }), el('span', { text: String(chromeList.childNodes.length) })),
        chromeList) : null,
      el('section', { class: 'panel', 'aria-label': 'Sourcing' },
        el('h3', { text: 'Sourcing' }),
        el('div', { class: 'sources' },
          el('div', null, el('b', { text: String(a.so.named || 0) }), el('span', { text: 'named' })),
          el('div', null, el('b', { text: String(a.so.quotes || 0) }), el('span', { text: 'quotes' })),
          el('div', null, el('b', { text: String(a.so.unattributed_quotes || 0) }), el('span', { text: 'unattributed' })),
          el('div', null, el('b', { text: String(a.so.vague || 0) }), el('span', { text: 'vague' })))));
    side.addEventListener('click', function (e) {
      var b = e.target.closest('button.finding');
      if (b) focusFinding(textNode, Number(b.dataset.f), b);
    });

    return el('section', { class: 'wrap', id: 'cd-article-view', 'data-i': i },
      el('nav', { class: 'nav', 'aria-label': 'Report' }, back, prev, next, el('span', { class: 'spacer' }),
        el('span', { class: 'pos', text: pos >= 0 ? (pos + 1) + ' of ' + state.order.length : '' })),
      head,
      el('main', { class: 'grid' }, textNode, side),
      quotesTable(a, textNode));
  }

  // ---- Tooltip for highlights (hover and keyboard focus) ----------------

  var tipFor = null;
  function showTip(m) {
    var view = byId('cd-article-view');
    if (!view) return;
    var a = article(Number(view.dataset.i));
    tip.textContent = '';
    m.dataset.f.split(' ').forEach(function (k) {
      var f = a.fs[Number(k)];
      if (!f) return;
      var t = ruleTitle(f.r);
      tip.append(el('div', { class: 't' },
        el('div', null, el('span', { class: 'rule ' + dimClass(f.dim), text: f.r }), ' ',
          el('span', { class: 'sevt', text: (DIM_LABEL[f.dim] || f.dim) + ' · ' + sevName(f.sev) + (f.out ? ' · page chrome' : '') })),
        t ? el('div', { class: 'ev', text: t }) : null,
        el('div', { text: f.m }),
        f.ev ? el('div', { class: 'ev', text: f.ev }) : null));
    });
    tip.hidden = false;
    var r = m.getBoundingClientRect();
    var tw = tip.offsetWidth, th = tip.offsetHeight;
    var x = Math.max(8, Math.min(r.left, window.innerWidth - tw - 8));
    var y = r.bottom + 8;
    if (y + th > window.innerHeight - 8) y = Math.max(8, r.top - th - 8);
    tip.style.left = x + 'px';
    tip.style.top = y + 'px';
    m.setAttribute('aria-describedby', 'cd-tip');
    tipFor = m;
  }
  function hideTip() {
    if (tipFor) tipFor.removeAttribute('aria-describedby');
    tipFor = null;
    tip.hidden = true;
  }
  document.addEventListener('mouseover', function (e) {
    var m = e.target.closest && e.target.closest('mark.hl');
    if (m) showTip(m); else if (tipFor && tipFor !== document.activeElement) hideTip();
  });
  document.addEventListener('focusin', function (e) {
    if (e.target.matches && e.target.matches('mark.hl')) showTip(e.target); else hideTip();
  });
  document.addEventListener('keydown', function (e) { if (e.key === 'Escape') hideTip(); });
  window.addEventListener('scroll', function () { if (tipFor && tipFor !== document.activeElement) hideTip(); }, { passive: true });

  // ---- Routing: #a=N shows article N; anything else the overview -------

  var overviewScroll = 0;
  function route() {
    hideTip();
    var m = /^#a=(\d+)$/.exec(location.hash);
    var i = m ? Number(m[1]) : -1;
    if (i >= 0 && i < rows.length) {
      if (current < 0) overviewScroll = window.scrollY;
      current = i;
      app.textContent = '';
      var view = buildArticle(i);
      app.append(view);
      document.title = (rows[i].t || rows[i].id) + ' · copydesk report';
      window.scrollTo(0, 0);
      // Focus the title, not a control: a reader who opened the article with
      // Enter must not have the same key press activate the back button.
      byId('cd-title').focus({ preventScroll: true });
    } else {
      var was = current;
      current = -1;
      app.textContent = '';
      app.append(overviewNode);
      document.title = meta.title || document.title;
      window.scrollTo(0, overviewScroll);
      if (was >= 0) {
        var tr = tbody.querySelector('tr[data-i="' + was + '"]');
        if (tr) tr.focus({ preventScroll: true });
      }
    }
  }

  meta.title = document.title;
  buildOverview();
  drawRows();
  window.addEventListener('hashchange', route);
  route();
  document.documentElement.dataset.ready = 'true';
})();
