// palermo reports: checklist filters, expand/collapse, open everything for printing. No network access.
(function () {
  var state = { show: 'all', area: 'all', differ: false, query: '' };
  function shows(el, show) {
    var s = el.getAttribute('data-status'), layer = el.getAttribute('data-layer');
    return show === 'all' ||
      (show === 'mandatory' && layer === 'mandatory') ||
      (show === 'gaps' && (s === 'gap' || s === 'partial' || s === 'conflict' || s === 'not in documents')) ||
      (show === 'conflicts' && s === 'conflict') ||
      (show === 'changes' && el.getAttribute('data-change') !== 'unchanged');
  }
  function matches(el) {
    if (state.differ && el.getAttribute('data-same') === '1') return false;
    if (state.query && el.textContent.toLowerCase().indexOf(state.query) < 0) return false;
    var s = el.getAttribute('data-status'), layer = el.getAttribute('data-layer');
    var ok = state.show === 'all' ||
      (state.show === 'mandatory' && layer === 'mandatory') ||
      (state.show === 'gaps' && (s === 'gap' || s === 'partial' || s === 'conflict' || s === 'not in documents')) ||
      (state.show === 'conflicts' && s === 'conflict') ||
      (state.show === 'changes' && el.getAttribute('data-change') !== 'unchanged');
    return ok && (state.area === 'all' || el.getAttribute('data-area') === state.area);
  }
  function apply() {
    document.querySelectorAll('[data-status]').forEach(function (el) { el.classList.toggle('hidden', !matches(el)); });
    document.querySelectorAll('[data-group]').forEach(function (g) {
      g.classList.toggle('hidden', g.querySelectorAll('[data-status]:not(.hidden)').length === 0);
    });
    // Each filter says how many findings it would show in the current area and search.
    var all = document.querySelectorAll('[data-status]');
    document.querySelectorAll('.filters button[data-show]').forEach(function (b) {
      var n = 0, show = b.getAttribute('data-show');
      all.forEach(function (el) {
        if ((state.area === 'all' || el.getAttribute('data-area') === state.area) &&
            (!state.query || el.textContent.toLowerCase().indexOf(state.query) >= 0) && shows(el, show)) n++;
      });
      var c = b.querySelector('.count');
      if (c) c.textContent = '(' + n + ')';
    });
    var shown = document.querySelector('[data-shown]');
    if (shown) shown.textContent = document.querySelectorAll('[data-status]:not(.hidden)').length + ' of ' + all.length + ' shown';
    // The pressed state is said to assistive technology too, not only shown in colour.
    document.querySelectorAll('.filters button[data-show]').forEach(function (b) {
      var on = b.getAttribute('data-show') === state.show;
      b.classList.toggle('on', on);
      b.setAttribute('aria-pressed', on ? 'true' : 'false');
    });
    document.querySelectorAll('.filters button[data-area]').forEach(function (b) {
      var on = b.getAttribute('data-area') === state.area;
      b.classList.toggle('on', on);
      b.setAttribute('aria-pressed', on ? 'true' : 'false');
    });
  }
  document.querySelectorAll('.filters button[data-show]').forEach(function (b) {
    b.addEventListener('click', function () { state.show = b.getAttribute('data-show'); apply(); });
  });
  var search = document.querySelector('input[data-search]');
  if (search) search.addEventListener('input', function () { state.query = search.value.trim().toLowerCase(); apply(); });
  document.querySelectorAll('.filters button[data-area]').forEach(function (b) {
    b.addEventListener('click', function () { state.area = b.getAttribute('data-area'); apply(); });
  });
  document.querySelectorAll('.filters button[data-expand]').forEach(function (b) {
    b.addEventListener('click', function () {
      var open = b.getAttribute('data-expand') === 'open';
      document.querySelectorAll('details.finding').forEach(function (d) { d.open = open; });
    });
  });
  // The comparison grid: rows where every country stands the same can be hidden, and the countries
  // put in order of mandatory obligations met (the header's data-score), or back in the given order.
  var grid = document.querySelector('table.heatmap');
  var differ = document.querySelector('button[data-differ]');
  if (differ) differ.addEventListener('click', function () {
    state.differ = !state.differ;
    differ.classList.toggle('on', state.differ);
    differ.setAttribute('aria-pressed', state.differ ? 'true' : 'false');
    apply();
  });
  function sortColumns(byScore) {
    var heads = Array.prototype.slice.call(grid.querySelectorAll('thead th.country'));
    var order = heads.map(function (h, i) { return i; });
    var col = function (i) { return +heads[i].getAttribute('data-col'); };
    var score = function (i) { return +heads[i].getAttribute('data-score'); };
    order.sort(function (a, b) { return byScore ? (score(b) - score(a)) || (col(a) - col(b)) : col(a) - col(b); });
    grid.querySelectorAll('tr').forEach(function (row) {
      var cells = Array.prototype.slice.call(row.querySelectorAll(':scope > td.cell, :scope > th.country'));
      if (cells.length !== heads.length) return;
      order.forEach(function (i) { row.appendChild(cells[i]); });
    });
  }
  document.querySelectorAll('button[data-sort]').forEach(function (b) {
    b.addEventListener('click', function () {
      sortColumns(b.getAttribute('data-sort') === 'score');
      document.querySelectorAll('button[data-sort]').forEach(function (o) {
        o.classList.toggle('on', o === b);
        o.setAttribute('aria-pressed', o === b ? 'true' : 'false');
      });
    });
  });
  // A link to a finding ("cited by", a recommendation) opens it, showing it first if a filter hid it.
  function openTarget() {
    var id = decodeURIComponent(location.hash.slice(1));
    var el = id && document.getElementById(id);
    if (!el) return;
    if (el.classList.contains('hidden')) { state.show = 'all'; state.area = 'all'; apply(); }
    if (el.tagName === 'DETAILS') el.open = true;
  }
  window.addEventListener('hashchange', openTarget);
  openTarget();
  // Printing gives the verdict, recommendations and checklist; the evidence and the statute text only
  // when asked for (they run to dozens of pages).
  var printEvidence = document.querySelector('button[data-print]');
  if (printEvidence) printEvidence.addEventListener('click', function () {
    var on = !document.body.classList.contains('print-evidence');
    document.body.classList.toggle('print-evidence', on);
    printEvidence.setAttribute('aria-pressed', on ? 'true' : 'false');
    printEvidence.classList.toggle('on', on);
  });
  window.addEventListener('beforeprint', function () {
    if (!document.body.classList.contains('print-evidence')) return;
    document.querySelectorAll('details').forEach(function (d) { d.open = true; });
  });
  apply();
})();
