/* congkhai citizen search: dossier-code lookup and accent-insensitive Pagefind search.
 * No framework, no CDN. Settings and Vietnamese messages come from lookup/config.js
 * (window.congkhaiSearch), written at build time by generator/site/search.
 * normalizeCode / findCode / fnv1a / shardKey / fold / toneNorm mirror generator/site/search/codes.py and
 * generator/content/vtext.py; tests/test_search_e2e.py checks both sides agree.
 * State lives in the URL (?q=, ?code=, agency, year, reason, level): links, bookmarks and Back work.
 */
(function () {
  "use strict";

  var TONES = { "\u0300": 1, "\u0301": 1, "\u0303": 1, "\u0309": 1, "\u0323": 1 };
  var MOVABLE = { oa: 1, oe: 1, uy: 1 };
  var PAGE_SIZE = 10;
  var FEW = PAGE_SIZE;  // fewer results than a page in the recent years: the older years are searched too
  var DASH = /[\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d]/g;
  var CODE_IN_TEXT = /(?<![0-9A-Z.])(?:[A-Z0-9][A-Z0-9.]*-)?\d{6}-\d{3,}(?![0-9])/;
  var FILTERS = ["agency", "year", "reason", "level"];

  function normalizeCode(text) {
    var s = String(text || "").normalize("NFC").replace(/\s+/g, "").replace(DASH, "-");
    return s.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, "").toUpperCase();
  }

  /* The code (or prefix-less code, or date-sequence) in pasted text, labels and all; null if none. */
  function findCode(text) {
    var joined = String(text || "").normalize("NFC").replace(DASH, "-").replace(/\s*([-.])\s*/g, "$1").toUpperCase();
    var m = CODE_IN_TEXT.exec(joined);
    return m ? m[0] : null;
  }

  /* True when the query is the code alone, maybe with a label ("Mã hồ sơ:"): a code not found then
   * gets the not-found answer rather than a text search. */
  function codeOnly(text, code) {
    var rest = fold(String(text || "").replace(DASH, "-")).replace(/^\s*(ma|so)?\s*(ho\s*so)?\s*[:.]?/, "");
    return normalizeCode(rest.replace(/\s*([-.])\s*/g, "$1")) === code;
  }

  /* The agency identifier of a code: "000.00.29.H17-250908-0054" -> "000.00.29.H17". */
  function agencyPart(code) {
    var m = /\d{6}-\d{3,}$/.exec(code || "");
    return m ? code.slice(0, m.index).replace(/-+$/, "") : "";
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

  /* One word for a whole title or query (records.title_key): "Cấp hộ kinh doanh" -> "ttcaphokinhdoanhtt". */
  function titleKey(text) {
    return "tt" + (fold(text).match(/[\p{L}\p{N}]+/gu) || []).join("") + "tt";
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
    stripStop: stripStop, findCode: findCode, agencyPart: agencyPart, titleKey: titleKey,
    normalizeCode: normalizeCode, fnv1a: fnv1a, shardKey: shardKey, fold: fold, toneNorm: toneNorm
  };

  var cfg = window.congkhaiSearch;
  var box = document.getElementById("ck-search");
  if (!cfg || !box) return;
  var M = cfg.messages || {};
  var script = document.currentScript;
  var root = new URL("../", script ? script.src : document.baseURI);
  var hasOlder = cfg.bundles.text.length > 1;

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

  /* A status line; `busy` marks the visible "searching" state. */
  function status(target, cls, text, busy) {
    var p = el("p", "ck-status " + (cls || ""), text);
    if (busy) { p.classList.add("ck-busy"); target.setAttribute("aria-busy", "true"); }
    else target.removeAttribute("aria-busy");
    target.appendChild(p);
    return p;
  }

  function inView(node) {
    var r = node.getBoundingClientRect();
    return r.top >= 0 && r.bottom <= (window.innerHeight || document.documentElement.clientHeight);
  }

  function reveal(node) {
    if (node && !inView(node)) node.scrollIntoView({ block: "start", behavior: "auto" });
  }

  /* ---- contacts: "name: phone, e-mail" with tel:/mailto: links, each contact once ---- */
  function contactItem(name, parts, shown) {
    var li = el("li", "ck-contact");
    li.appendChild(el("span", "ck-contact-name", name));
    var fresh = 0;
    (parts || []).forEach(function (part) {
      var key = part.href || name + "|" + part.text;
      if (shown[key] || part.text === name) return;  // a phone or e-mail already listed above
      shown[key] = 1;
      li.appendChild(document.createTextNode(fresh++ ? ", " : ": "));
      if (part.href) {
        var a = el("a", "ck-contact-link", part.text);
        a.href = part.href;
        li.appendChild(a);
      } else li.appendChild(document.createTextNode(part.text));
    });
    return li;
  }

  /* Whom to contact about a code not found: its agency (by the code's prefix) and tracking unit,
   * then the tracking units and the portal. */
  function contactList(code) {
    var ul = el("ul", "ck-contacts"), shown = {}, order = [], byName = {};
    function add(name, parts) {  // one line per name; a name met again adds only its new parts
      if (!byName[name]) { byName[name] = []; order.push(name); }
      byName[name] = byName[name].concat(parts || []);
    }
    var agencies = cfg.agencies || {}, own = (cfg.prefixes || {})[agencyPart(code)];
    if (own && agencies[own]) {
      add(agencies[own].name, agencies[own].contact);
      var t = agencies[own].tracker;
      if (t && agencies[t]) add(agencies[t].name, agencies[t].contact);
    }
    (cfg.contacts || []).forEach(function (c) { add(c.name, c.parts); });
    order.forEach(function (name) { ul.appendChild(contactItem(name, byName[name], shown)); });
    return { list: ul, agency: own && agencies[own] ? agencies[own].name : "" };
  }

  /* ---- dossier-code lookup: one request for one small shard ---- */
  var lookupForm = document.getElementById("ck-lookup-form");
  var lookupOut = document.getElementById("ck-lookup-result");

  /* The letters of a code (any of its keys: full, without the agency prefix, date-sequence). */
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
                                    number: e.number, code: e.code, withdrawn: e.withdrawn }));
    });
    return list;
  }

  /* Show the answer for a code in `target`: its letters (one: first and focused), or whom to contact. */
  function showCode(target, code, entries) {
    if (!entries.length) {
      var who = contactList(code);
      status(target, "ck-not-found", msg("lookup_not_found", { code: code }));
      if (who.agency) status(target, "ck-agency", msg("lookup_agency", { agency: who.agency }));
      target.appendChild(who.list);
      return;
    }
    status(target, "ck-found", msg(entries.length > 1 ? "lookup_several" : "lookup_found",
                                   { code: code, n: entries.length }));
    target.appendChild(entryList(entries));
  }

  async function lookup(raw, push) {
    var mine = ++lookupGeneration;
    lookupOut.removeAttribute("data-done");
    lookupOut.textContent = "";
    var code = findCode(raw) || normalizeCode(raw);
    if (push) setUrl({ code: raw }, push);
    if (!code) status(lookupOut, "", msg("lookup_empty_input"));
    else {
      status(lookupOut, "", msg("searching"), true);
      try {
        var entries = await fetchEntries(code);
        if (mine !== lookupGeneration) return;
        lookupOut.textContent = "";
        showCode(lookupOut, code, entries);
      } catch (err) {
        lookupOut.textContent = "";
        status(lookupOut, "ck-error", msg("error"));
      }
      if (push) reveal(lookupOut.querySelector("li.ck-result") || lookupOut);
    }
    lookupOut.removeAttribute("aria-busy");
    lookupOut.setAttribute("data-done", raw);
  }
  var lookupGeneration = 0;

  /* ---- the URL holds the query and the filters ---- */
  function setUrl(params, push) {
    var url = new URL(location.href);
    url.search = "";
    Object.keys(params).forEach(function (k) { if (params[k]) url.searchParams.set(k, params[k]); });
    if (url.href === location.href) return;
    if (push === "replace") history.replaceState(null, "", url.href);
    else history.pushState(null, "", url.href);
  }

  /* ---- text search with Pagefind ---- */
  var form = document.getElementById("ck-search-form");
  var out = document.getElementById("ck-search-result");
  var bundles = {}, generation = 0;

  /* One Pagefind instance per scope, a group of year bundles (config.js `bundles`): the first is the
   * instance's own index, the others are merged into it (mergeIndex: one WebAssembly module, results
   * of every year ranked together). The default scope is the recent years, the older years are a
   * second instance, a chosen year its own, the code bundles of every year one more. The bundles'
   * script applies options (exactDiacritics per pass) to merged indexes too (pagefind_run.patch_script). */
  var pagefindLib = null;
  async function loadBundle(group) {
    var key = group.join(" ");
    if (!bundles[key]) {
      bundles[key] = (async function () {
        if (!pagefindLib) pagefindLib = import(new URL(group[0] + "pagefind.js", root).href);
        var lib = await pagefindLib;
        var pf = lib.createInstance({ basePath: new URL(group[0], root).href, excerptLength: 0, noWorker: true });
        await pf.init();
        for (var i = 1; i < group.length; i++) await pf.mergeIndex(new URL(group[i], root).href, { excerptLength: 0 });
        return { pf: pf, name: key, size: group.length };
      })();
    }
    return bundles[key];
  }

  function chosenFilters() {
    var filters = {};
    FILTERS.forEach(function (name) {
      var field = form.elements[name];
      if (field && field.value) filters[name] = field.value;
    });
    return filters;
  }

  /* Pagefind filters: the year "all" is a scope, not a filter value. */
  function pagefindFilters(filters) {
    var f = {};
    Object.keys(filters).forEach(function (k) { if (!(k === "year" && filters[k] === "all")) f[k] = filters[k]; });
    return f;
  }

  /* The groups of text bundles a query goes to: a chosen year's own, the default scope, or every year. */
  function textScope(filters) {
    var text = cfg.bundles.text, own = filters.year && (cfg.bundles.year || {})[filters.year];
    if (own) return [[own]];
    if (!hasOlder || filters.year === "all") return text;
    return [text[0]];
  }

  /* The results of a group for `term`, as one index of its years would give them. Each year's index
   * leaves out the query words it has no word for, so a year lacking one word would answer with the
   * letters holding the others: a result must hold every word some year of the group holds (one
   * search per word; the index chunks are those the query loaded). */
  async function searchGroup(b, term, filters) {
    var r = await b.pf.search(term, { filters: filters }), found = r && r.results || [];
    var words = term ? term.split(/\s+/).filter(Boolean) : [];
    if (b.size < 2 || words.length < 2 || !found.length) return found;
    for (var i = 0; i < words.length && found.length; i++) {
      var w = await b.pf.search(words[i], { filters: filters }), ids = {}, any = false;
      (w && w.results || []).forEach(function (x) { ids[x.id] = any = true; });
      if (any) found = found.filter(function (x) { return ids[x.id]; });  // in no year: left out, as one index does
    }
    return found;
  }

  async function searchAll(pfs, term, filters, exact) {
    var found = [];
    for (var i = 0; i < pfs.length; i++) {
      await pfs[i].pf.options({ exactDiacritics: exact });
      (await searchGroup(pfs[i], term, filters)).forEach(function (x) { x.bundle = pfs[i].name; found.push(x); });
    }
    return found.sort(function (a, b) { return b.score - a.score; });
  }

  function merge(passes) {
    var seen = {}, results = [];
    passes.forEach(function (found) {
      found.forEach(function (x) {
        var key = x.bundle + ":" + x.id;
        if (!seen[key]) { seen[key] = 1; results.push(x); }
      });
    });
    return results;
  }

  async function pagefindSearch(pfs, typed, filters) {
    // Exact accents first: the query as typed with exactDiacritics, then accent-insensitive,
    // then fully folded (Pagefind does not fold đ; the records carry folded forms of đ-words).
    // Each pass searches every bundle of the scope; a pass's results are ranked by score.
    if (!typed) return searchAll(pfs, null, filters, false);  // filters alone: browse
    var folded = fold(typed), passes = [await keyPass(pfs, typed, filters)];
    if (/[\u0300-\u036f]/.test(typed.normalize("NFD")) || /[đð]/i.test(typed)) {
      passes.push(await searchAll(pfs, typed, filters, true));
    }
    passes.push(await searchAll(pfs, typed, filters, false));
    if (/[dđð]/i.test(typed) && folded !== typed.toLowerCase()) passes.push(await searchAll(pfs, folded, filters, false));
    return merge(passes);
  }

  /* The letters whose procedure (or number) is exactly the query: one word, its key. When no record
   * has that word, Pagefind falls back to the longest prefix that has results ("tt…": every
   * letter): the first result (shown anyway) tells, and a fallback is dropped. */
  async function keyPass(pfs, typed, filters) {
    var key = titleKey(typed), found = await searchAll(pfs, key, filters, false);
    if (!found.length) return found;
    var m = (await found[0].data()).meta || {};
    return titleKey(m.title) === key || titleKey(m.number) === key ? found : [];
  }

  /* Letters in scope (the sum of one filter's counts: every record has a year). */
  async function pageCount(pfs) {
    var total = 0;
    for (var i = 0; i < pfs.length; i++) {
      var f = await pfs[i].pf.filters();
      var years = f && f.year || {};
      Object.keys(years).forEach(function (y) { total += years[y]; });
    }
    return total;
  }

  /* No letter holds every word: rank letters by how many of the words they hold; words every
   * letter holds say nothing and are left out. */
  async function closestMatches(pfs, typed, filters) {
    var words = typed.split(/\s+/).filter(Boolean);
    if (words.length < 2) return { results: [], dropped: [] };
    var total = await pageCount(pfs), hits = {}, first = {}, dropped = [];
    for (var w = 0; w < words.length; w++) {
      var found = await pagefindSearch(pfs, words[w], filters);
      if (total && found.length >= total) { dropped.push(words[w]); continue; }
      found.forEach(function (x) {
        var key = x.bundle + ":" + x.id;
        if (!hits[key]) { hits[key] = { n: 0, score: 0, x: x }; first[key] = Object.keys(first).length; }
        hits[key].n += 1;
        hits[key].score += x.score;
      });
    }
    var ranked = Object.keys(hits).map(function (k) { return hits[k]; })
      .filter(function (h) { return h.n > 0; })
      .sort(function (a, b) { return b.n - a.n || b.score - a.score; });
    return { results: ranked.map(function (h) { return h.x; }), dropped: dropped };
  }

  async function bundlesFor(groups) {
    return Promise.all(groups.map(loadBundle));
  }

  function currentParams() {
    var params = { q: form.elements.q.value };
    var filters = chosenFilters();
    FILTERS.forEach(function (k) { params[k] = filters[k]; });
    return params;
  }

  async function runSearch(push) {
    var raw = form.elements.q.value, q = raw.trim();
    var mine = ++generation;
    out.textContent = "";
    out.removeAttribute("data-done");
    var filters = chosenFilters(), pfFilters = pagefindFilters(filters);
    if (push) setUrl(currentParams(), push);
    if (!q && !Object.keys(pfFilters).length) { out.setAttribute("data-done", raw); return; }
    status(out, "", msg("searching"), true);
    if (push === true) reveal(out);
    try {
      var answer = await answerFor(q, filters, pfFilters, mine);
      if (mine !== generation) return;
      out.textContent = "";
      if (answer.code) showCode(out, answer.code, answer.entries);
      else await render(answer, q, mine);
      if (push === true) reveal(out.querySelector("li.ck-result") || out);
    } catch (err) {
      if (mine !== generation) return;
      out.textContent = "";
      status(out, "ck-error", msg("error"));
      if (window.console) console.error(err);
    }
    out.removeAttribute("aria-busy");
    if (mine === generation) out.setAttribute("data-done", raw);
  }

  /* File name of the older-words/ shard of a prefix (words.shard_name). */
  function wordShard(prefix) {
    return Array.from(prefix).map(function (c) {
      return /[a-z0-9]/.test(c) ? c : "_" + c.codePointAt(0).toString(16);
    }).join("");
  }

  var wordShards = {};
  function olderWords(prefix) {
    var name = wordShard(prefix);
    if (!wordShards[name]) {
      wordShards[name] = fetch(new URL(cfg.olderWords + name + ".json", root).href)
        .then(function (r) { return r.ok ? r.json() : []; });
    }
    return wordShards[name];
  }

  /* Does some older record have a word starting with `w` (folded)? A shard too big was split one
   * character deeper ({"split": 1}): a word no longer than its prefix is then present. */
  async function olderHas(w) {
    for (var k = 2; ; k++) {
      var data = await olderWords(w.slice(0, k));
      if (Array.isArray(data)) return data.some(function (x) { return x.lastIndexOf(w, 0) === 0; });
      if (w.length <= k) return true;
    }
  }

  /* Could an older letter hold every word of the query? Asked before widening a query the recent
   * years answer with a few letters: a word no older record has a word starting with (folded) means
   * no. One small request per word (older-words/, words.py) instead of the older bundle. */
  async function olderMayHold(typed) {
    if (!cfg.olderWords || !typed) return true;
    var words = fold(typed).match(/[\p{L}\p{N}]+/gu) || [];
    for (var i = 0; i < words.length; i++) {
      if (words[i].length >= 2 && !(await olderHas(words[i]))) return false;
    }
    return true;
  }

  /* What a query finds: a code's letters, or Pagefind results (widened, or closest matches). */
  async function answerFor(q, filters, pfFilters) {
    var code = q ? findCode(q) : null;
    if (code) {
      var entries = await fetchEntries(code);  // one small request, any year
      if (entries.length || codeOnly(q, code)) {
        return { code: code, entries: entries };
      }
    }
    var typed = q ? stripStop(toneNorm(q), cfg.stop) : null;
    if (q && /\d{4,}/.test(q)) {
      // A part of a code ("0054", "250908"): codes are indexed in the code bundles only (every year
      // merged); their records carry no filters.
      var codePfs = await bundlesFor([cfg.bundles.codes]);
      var found = await pagefindSearch(codePfs, typed, {});
      if (found.length) return { results: found, note: "" };
    }
    var paths = textScope(filters), pfs = await bundlesFor(paths);
    var results = await pagefindSearch(pfs, typed, pfFilters), note = "";
    if (hasOlder && !filters.year && results.length < FEW && (!results.length || await olderMayHold(typed))) {
      // The recent years find nothing or little: the older years are searched without being asked.
      // Each pass ranks the letters of every year together (the recent bundle's index is loaded already).
      paths = cfg.bundles.text;
      pfs = await bundlesFor(paths);
      var recentCount = results.length;
      results = await pagefindSearch(pfs, typed, pfFilters);
      if (results.length > recentCount) note = msg("widened", { years: (cfg.recent || []).join(", "), n: recentCount });
    }
    if (results.length || !typed) return { results: results, note: note };
    var closest = await closestMatches(pfs, typed, pfFilters);
    return { results: closest.results, closest: true, dropped: closest.dropped, note: note };
  }

  function advice() {
    var p = el("p", "ck-status ck-advice", msg("advice"));
    var links = el("ul", "ck-advice-links");
    [["advice_code", "#ck-code"], ["advice_agencies", "agencies/"], ["advice_years", "letters/"],
     ["advice_procedures", "thu-tuc/"]].forEach(function (pair) {
      var li = el("li"), a = el("a", "", msg(pair[0]));
      a.href = pair[1].charAt(0) === "#" ? pair[1] : new URL(pair[1], root).href;
      li.appendChild(a);
      links.appendChild(li);
    });
    return [p, links];
  }

  async function render(answer, q, mine) {
    var results = answer.results;
    if (answer.note) status(out, "ck-widened", answer.note);
    if (!results.length) {
      status(out, "ck-empty", msg("empty", { q: q }));
      advice().forEach(function (n) { out.appendChild(n); });
      return;
    }
    if (answer.closest) {
      status(out, "ck-closest", msg("closest", { q: q }));
      if (answer.dropped && answer.dropped.length) status(out, "ck-dropped", msg("dropped", { words: answer.dropped.join(", ") }));
    } else status(out, "ck-count", msg("count", { n: results.length }));
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
    if (answer.closest) advice().forEach(function (n) { out.appendChild(n); });
    await page();
  }

  /* Fill the forms from the URL and answer it (on load and on Back / Forward). */
  function fromUrl() {
    var params = new URL(location.href).searchParams;
    if (lookupForm) {
      lookupForm.elements.code.value = params.get("code") || "";
      if (params.get("code")) lookup(params.get("code"), false);
      else { lookupOut.textContent = ""; }
    }
    if (form) {
      form.elements.q.value = params.get("q") || "";
      FILTERS.forEach(function (name) {
        var field = form.elements[name], value = params.get(name) || "";
        if (field && Array.prototype.some.call(field.options, function (o) { return o.value === value; })) field.value = value;
      });
      runSearch(false);
    }
  }

  if (lookupForm) {
    lookupForm.addEventListener("submit", function (ev) {
      ev.preventDefault();
      lookup(lookupForm.elements.code.value, true);
    });
  }
  if (form) {
    var timer = null;
    form.addEventListener("submit", function (ev) { ev.preventDefault(); clearTimeout(timer); runSearch(true); });
    form.elements.q.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(function () { runSearch("replace"); }, 400);
    });
    form.addEventListener("change", function (ev) { if (ev.target.name !== "q") runSearch(true); });
  }
  window.addEventListener("popstate", fromUrl);
  fromUrl();
  box.setAttribute("data-ready", "1");
})();
