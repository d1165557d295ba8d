/* congkhai citizen search: dossier-code lookup and accent-insensitive Pagefind search.
 * No framework, no CDN. Settings and Vietnamese messages come from lookup/config.js
 * (window.congkhaiSearch), written at build time by generator/search.
 * normalizeCode / fnv1a / shardKey / fold / toneNorm mirror generator/search/codes.py and
 * generator/vtext.py; tests/test_search_e2e.py checks both sides agree.
 */
(function () {
  "use strict";

  var TONES = { "\u0300": 1, "\u0301": 1, "\u0303": 1, "\u0309": 1, "\u0323": 1 };
  var MOVABLE = { oa: 1, oe: 1, uy: 1 };
  var PAGE_SIZE = 10;

  function normalizeCode(text) {
    var s = String(text || "").normalize("NFC").replace(/\s+/g, "");
    return s.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, "").toUpperCase();
  }

  function fnv1a(text) {
    var bytes = new TextEncoder().encode(text);
    var h = 0x811c9dc5;
    for (var i = 0; i < bytes.length; i++) {
      h ^= bytes[i];
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    return h >>> 0;
  }

  function shardKey(code, prefix) {
    return ("00000000" + fnv1a(normalizeCode(code)).toString(16)).slice(-8).slice(0, prefix);
  }

  function fold(text) {
    return String(text || "").toLowerCase().normalize("NFD").replace(/\p{M}/gu, "")
      .replace(/[đð]/g, "d").replace(/\s+/g, " ").trim();
  }

  function splitTone(ch) {
    var d = ch.normalize("NFD"), base = "", tone = "";
    for (var i = 0; i < d.length; i++) {
      if (TONES[d[i]]) tone += d[i]; else base += d[i];
    }
    return [base.normalize("NFC"), tone];
  }

  function toneNorm(text) {
    return String(text || "").normalize("NFC").replace(/\p{L}+/gu, function (w) {
      if (w.length < 2) return w;
      var a = splitTone(w[w.length - 2]), b = splitTone(w[w.length - 1]);
      if (a[1] || !b[1] || !MOVABLE[(a[0] + b[0]).toLowerCase()]) return w;
      if (w.length > 2 && w[w.length - 3].toLowerCase() === "q") return w;
      return w.slice(0, -2) + (a[0] + b[1]).normalize("NFC") + b[0];
    });
  }

  /* Drop phrases every letter would match ("xin lỗi", "hồ sơ"), unless nothing else is left. */
  function stripStop(text, phrases) {
    var words = text.split(/\s+/).filter(Boolean), keep = [], i = 0;
    var stop = (phrases || []).map(function (p) { return p.split(" "); })
      .sort(function (a, b) { return b.length - a.length; });
    while (i < words.length) {
      var hit = 0;
      for (var k = 0; k < stop.length && !hit; k++) {
        var p = stop[k];
        if (p.every(function (w, j) { return i + j < words.length && fold(words[i + j]) === w; })) hit = p.length;
      }
      if (hit) i += hit; else keep.push(words[i++]);
    }
    return keep.length ? keep.join(" ") : text;
  }

  window.congkhaiSearchLib = {
    stripStop: stripStop,
    normalizeCode: normalizeCode, fnv1a: fnv1a, shardKey: shardKey, fold: fold, toneNorm: toneNorm
  };

  var cfg = window.congkhaiSearch;
  var box = document.getElementById("ck-search");
  if (!cfg || !box) return;
  var M = cfg.messages || {};
  var script = document.currentScript;
  var root = new URL("../", script ? script.src : document.baseURI);

  function msg(key, params) {
    return String(M[key] || key).replace(/\{(\w+)\}/g, function (_, k) {
      return params && params[k] !== undefined ? params[k] : "";
    });
  }

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  function formatDate(iso) {
    var p = String(iso || "").split("-");
    return p.length === 3 ? p[2] + "/" + p[1] + "/" + p[0] : iso;
  }

  function resultItem(d) {
    var li = el("li", "ck-result");
    var a = el("a", "ck-result-title", d.title || msg("code") + " " + d.code);
    a.href = d.href || new URL(d.url, root).href;
    li.appendChild(a);
    if (d.withdrawn) li.appendChild(el("span", "ck-badge", " " + msg("withdrawn")));
    var bits = [d.agency, msg("issued") + " " + formatDate(d.issued)];
    if (d.code) bits.push(msg("code") + " " + d.code);
    if (d.number) bits.unshift(d.number);
    li.appendChild(el("div", "ck-result-meta", bits.filter(Boolean).join(" · ")));
    li.setAttribute("data-id", d.id || "");
    return li;
  }

  /* ---- dossier-code lookup: one request for one small shard ---- */
  var lookupForm = document.getElementById("ck-lookup-form");
  var lookupOut = document.getElementById("ck-lookup-result");

  async function lookup(raw) {
    lookupOut.removeAttribute("data-done");
    await lookupInto(raw);
    lookupOut.setAttribute("data-done", raw);
  }

  /* The letters of a normalised code: fetch its shard (absent shard = no letter). */
  async function fetchEntries(code) {
    var resp = await fetch(new URL("lookup/" + shardKey(code, cfg.prefix) + ".json", root).href);
    if (resp.status === 404) return [];
    if (!resp.ok) throw new Error("lookup " + resp.status);
    var data = await resp.json();
    return data[code] || [];
  }

  function entryList(entries) {
    var list = el("ol", "ck-results");
    entries.forEach(function (e) {
      list.appendChild(resultItem({ id: e.id, url: e.url, title: e.title, agency: e.agency, issued: e.issued_on,
                                    number: e.number, withdrawn: e.withdrawn }));
    });
    return list;
  }

  async function lookupInto(raw) {
    var code = normalizeCode(raw), entries;
    lookupOut.textContent = "";
    if (!code) { lookupOut.appendChild(el("p", "ck-status", msg("lookup_empty_input"))); return; }
    try {
      entries = await fetchEntries(code);
    } catch (err) {
      lookupOut.appendChild(el("p", "ck-status ck-error", msg("error")));
      return;
    }
    if (!entries.length) {
      lookupOut.appendChild(el("p", "ck-status ck-not-found", msg("lookup_not_found", { code: code })));
      var ul = el("ul", "ck-contacts"), shown = {};
      (cfg.contacts || []).forEach(function (c) {
        var line = c.contact ? c.name + ": " + c.contact : c.name;
        if (shown[line]) return;  // a unit tracking several agencies is listed once
        shown[line] = 1;
        ul.appendChild(el("li", "", line));
      });
      lookupOut.appendChild(ul);
      return;
    }
    lookupOut.appendChild(el("p", "ck-status ck-found", msg("lookup_found", { code: code, n: entries.length })));
    lookupOut.appendChild(entryList(entries));
  }

  if (lookupForm) {
    lookupForm.addEventListener("submit", function (ev) {
      ev.preventDefault();
      lookup(lookupForm.elements.code.value);
    });
  }

  /* ---- text search with Pagefind ---- */
  var form = document.getElementById("ck-search-form");
  var out = document.getElementById("ck-search-result");
  var widen = document.getElementById("ck-widen");
  var bundles = {}, generation = 0;
  var CODE_SHAPE = /^[A-Z0-9.]*[A-Z0-9]-\d{6}-\d{3,}$/;

  /* One Pagefind module per bundle (each import of a bundle's pagefind.js is its own instance):
   * the default scope (recent years), the older years, and the all-years code bundle. Bundles are
   * searched separately, not with mergeIndex, because Pagefind applies options such as
   * exactDiacritics to the primary bundle only. */
  async function loadBundle(path) {
    if (!bundles[path]) {
      bundles[path] = (async function () {
        var pf = await import(new URL(path + "pagefind.js", root).href);
        await pf.options({ excerptLength: 0, noWorker: true });
        await pf.init();
        return pf;
      })();
    }
    return bundles[path];
  }

  function chosenFilters() {
    var filters = {};
    ["agency", "year", "reason", "level"].forEach(function (name) {
      var field = form.elements[name];
      if (field && field.value) filters[name] = field.value;
    });
    return filters;
  }

  /* The text bundles a query goes to: the default scope, every year, or the one holding a chosen year. */
  function textScope(filters, wide) {
    var text = cfg.bundles.text;
    if (text.length < 2) return text;
    if (filters.year) return [(cfg.older || []).indexOf(filters.year) >= 0 ? text[1] : text[0]];
    return wide ? text : [text[0]];
  }

  async function searchAll(pfs, term, filters, exact) {
    var found = [];
    for (var i = 0; i < pfs.length; i++) {
      await pfs[i].options({ exactDiacritics: exact });
      var r = await pfs[i].search(term, { filters: filters });
      (r && r.results || []).forEach(function (x) { x.bundle = i; found.push(x); });
    }
    return found.sort(function (a, b) { return b.score - a.score; });
  }

  async function pagefindSearch(pfs, typed, filters) {
    // Exact accents first: the query as typed with exactDiacritics, then accent-insensitive,
    // then fully folded (Pagefind does not fold đ; the records carry folded forms of đ-words).
    // Each pass searches every bundle of the scope; a pass's results are ranked by score.
    var folded = fold(typed), passes = [];
    if (/[\u0300-\u036f]/.test(typed.normalize("NFD")) || /[đð]/i.test(typed)) {
      passes.push(await searchAll(pfs, typed, filters, true));
    }
    passes.push(await searchAll(pfs, typed, filters, false));
    if (/[dđð]/i.test(typed) && folded !== typed.toLowerCase()) passes.push(await searchAll(pfs, folded, filters, false));
    var seen = {}, results = [];
    passes.forEach(function (found) {
      found.forEach(function (x) {
        var key = x.bundle + ":" + x.id;
        if (!seen[key]) { seen[key] = 1; results.push(x); }
      });
    });
    return results;
  }

  async function runSearch() {
    var q = form.elements.q.value.trim();
    var mine = ++generation;
    out.textContent = "";
    out.removeAttribute("data-done");
    if (!q) return;
    out.appendChild(el("p", "ck-status", msg("searching")));
    try {
      var filters = chosenFilters();
      var wide = (widen && widen.checked) || cfg.bundles.text.length < 2;
      var paths = textScope(filters, wide);
      var code = normalizeCode(q), entries = [];
      if (CODE_SHAPE.test(code)) entries = await fetchEntries(code);  // one small request, any year
      // A part of a code ("260806-0022"): codes are indexed in the all-years code bundle only.
      // Its records carry no filters when the text is split by years: filters do not apply there.
      if (/\d{4,}/.test(q)) {
        paths = [cfg.bundles.codes];
        wide = true;
        if (cfg.bundles.text.length > 1) filters = {};
      }
      if (entries.length) {
        if (mine !== generation) return;
        out.textContent = "";
        out.appendChild(el("p", "ck-status ck-count", msg("count", { n: entries.length })));
        out.appendChild(entryList(entries));
      } else {
        var pfs = await Promise.all(paths.map(loadBundle));
        var results = await pagefindSearch(pfs, stripStop(toneNorm(q), cfg.stop), filters);
        if (mine !== generation) return;
        await render(results, q, wide || paths.length > 1 || !!filters.year, mine);
      }
    } catch (err) {
      if (mine !== generation) return;
      out.textContent = "";
      out.appendChild(el("p", "ck-status ck-error", msg("error")));
      if (window.console) console.error(err);
    }
    if (mine === generation) out.setAttribute("data-done", q);
  }

  async function render(results, q, wide, mine) {
    out.textContent = "";
    if (!results.length) {
      out.appendChild(el("p", "ck-status ck-empty", msg("empty", { q: q })));
      if (!wide) out.appendChild(el("p", "ck-status", msg("empty_recent")));
      return;
    }
    out.appendChild(el("p", "ck-status ck-count", msg("count", { n: results.length })));
    var list = el("ol", "ck-results");
    out.appendChild(list);
    var shown = 0;
    var more = el("button", "md-button ck-more", msg("more"));
    more.type = "button";
    async function page() {
      more.disabled = true;
      var batch = results.slice(shown, shown + PAGE_SIZE);
      shown += batch.length;
      var data = await Promise.all(batch.map(function (r) { return r.data(); }));
      if (mine !== generation) return;
      data.forEach(function (d) {
        var m = d.meta || {}, url = new URL(d.url, location.href), parts = url.pathname.split("/").filter(Boolean);
        list.appendChild(resultItem({ id: parts[parts.length - 1], href: url.href, title: m.title, agency: m.agency,
                                      issued: m.issued, number: m.number, code: m.code, withdrawn: m.withdrawn }));
      });
      more.disabled = false;
      if (shown >= results.length && more.parentNode) more.parentNode.removeChild(more);
    }
    more.addEventListener("click", page);
    if (results.length > PAGE_SIZE) out.appendChild(more);
    await page();
  }

  if (form) {
    var timer = null;
    form.addEventListener("submit", function (ev) { ev.preventDefault(); clearTimeout(timer); runSearch(); });
    form.elements.q.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(runSearch, 400);
    });
    form.addEventListener("change", function (ev) { if (ev.target.name !== "q") runSearch(); });
  }
  box.setAttribute("data-ready", "1");
})();
