/*
 * Tra cứu công tác trẻ em: the site's search, engine and box, in the reader's browser.
 *
 * No search framework. The index is built after the site by
 * scripts/tracuu/site_search.py from the built HTML and written under search/
 * in pieces, as scripts that call TracuuSearch.load(kind, key, data), loaded
 * with <script> tags (file:// blocks fetch(); a script tag works there and
 * over HTTP alike). A query loads only what it needs:
 *
 *  - search/manifest.js (once): how many entries (pages and their sections),
 *    entries per page, the shard keys, rows per page-table file;
 *  - search/t/k<prefix>.js: the terms whose folded form starts with the
 *    prefix (the longest shard key a word starts with); a word still being
 *    typed also loads the shards under it, when they are few;
 *  - search/p/<n>.js: titles, addresses and snippets of the results shown.
 *
 * Folding (must equal tracuu.model.textutil.fold; tests/browser/test_fold.py):
 * NFD, combining marks removed, đ→d, lower case, split at anything that is not
 * a letter, digit or underscore. The index holds every word folded and, when it
 * had accents, as "=<word>" too, so a query typed with accents ranks exact
 * words first ("bạo" is not "báo"; the tone mark may sit on either vowel, "hoá"
 * is "hóa"). A word typed with marks that the site never writes while it writes
 * other words that fold the same ("nóng": only "nông" is indexed) matches those
 * as a trace only, and they never count as the word found (a title "Bộ Nông
 * nghiệp" has not "nóng" in it); a token glued by - / . & (20/2021/NĐ-CP,
 * LĐ-TB&XH) is also indexed whole ("20-2021-nd-cp") and joined ("ldtbxh").
 *
 * Query side (the rules of the former lunr.vi override, unchanged): every
 * typed word becomes several weighted terms: folded, exact accented form,
 * parts/whole/joined forms of glued numbers, a typed number as the head of
 * glued ones ("5310" → 5310-ubnd-kgvx), abbreviation expansions both ways, a
 * kind glued to its number split ("NĐ20/2021", "TT13"); stop-words ("các",
 * "về", "là gì") count for almost nothing among other words; typed phrases
 * also ask for what they stand for ("tỉnh đoàn", "mồ côi", "đường dây nóng"),
 * and such a phrase typed without marks is weighed as it is written ("duong day
 * nong" as "đường dây nóng": "Nông nghiệp" is not in it).
 * The vocabulary is assets/javascripts/search-synonyms.js, generated from
 * data/glossary.yml, data/agencies.yml, data/topics.yml and data/search.yml.
 * Only the last word matches as a prefix (it may still be being typed).
 *
 * Ranking: weights are Material's lunr scores (BM25, b = 0, title ×1000,
 * tags ×10, × the page's search boost), precomputed per term and entry; a
 * page (not a section) whose <h1> holds a larger share of the typed words, or
 * of what they stand for, is scored up: score × (1 + TITLE × share²), each
 * typed word weighing √idf in the share (a word in most titles, "trẻ em" on
 * this site, says little about which page is meant). Then Material's own rule:
 * score × (1 + (is a page + share of typed words found)²). Results are grouped
 * by page, best first, the page's matching sections under it. A query the
 * reader has typed past stops loading (only the last one fetches rows).
 *
 * The box (overrides/partials/tracuu-search.html, on every page): input
 * [data-search-input], results [data-search-results] a (CONTRACT §2). The
 * results element carries data-tracuu-query: the query the list on screen
 * answers (tests wait for the answer to the whole query). A result link adds
 * ?h=<query>; the page it opens marks the words meant (see highlighter()).
 *
 * `TracuuSearch.fold` and the query rules are exported for tests.
 */
(function (root, factory) {
  var api = factory()
  root.TracuuSearch = api
  if (typeof document !== "undefined") api.page()
})(typeof self !== "undefined" ? self : this, function () {
  "use strict"

  /* ------------------------------------------------------------------------
   * Folding (must equal tracuu.textutil.fold)
   * --------------------------------------------------------------------- */

  var MARKS = /\p{Mn}+/gu
  var NON_WORD = /[^\p{L}\p{N}_]+/u
  var EXACT_NON_WORD = /[^\p{L}\p{M}\p{N}_]+/u
  var ASCII_WORD = /^[a-z0-9]+$/

  /** Accent-free, đ→d, lower-case words of `text`. */
  function foldWords(text) {
    text = String(text == null ? "" : text)
    var bare = text.normalize("NFD").replace(MARKS, "")
      .replace(/đ/g, "d").replace(/Đ/g, "D")
      .normalize("NFC").toLowerCase()
    var out = []
    var parts = bare.split(NON_WORD)
    for (var i = 0; i < parts.length; i++)
      if (parts[i]) out.push(parts[i])
    return out
  }

  /** Same as Python `fold`: words separated by one space. */
  function fold(text) {
    return foldWords(text).join(" ")
  }

  /** Lower-case NFC words, accents kept (for the exact-form boost). */
  function exactWords(text) {
    var parts = String(text).normalize("NFC").toLowerCase().split(EXACT_NON_WORD)
    var out = []
    for (var i = 0; i < parts.length; i++)
      if (parts[i]) out.push(parts[i])
    return out
  }

  /* ------------------------------------------------------------------------
   * Tuning
   * --------------------------------------------------------------------- */

  var EXACT = "="            /* prefix of accented index terms */
  var KEY = "\u2060"         /* invisible prefix of a group's key (old ?h= links carry it) */
  var BOOST = {
    whole: 1,                /* the folded word without wildcard */
    exact: 1.5,              /* the accented form, as typed */
    folded: 0.4,             /* the folded form of an accented word whose exact form is indexed
                                ("bạo" also folds to "báo": the typed accents decide) */
    lookalike: 0.1,          /* the folded form of an accented word the site never writes while it
                                writes other words that fold the same ("nóng" typed, only "nông"
                                indexed): every folded match is another word, kept as a trace */
    compound: 3,             /* 20-2021-nd-cp, as one term */
    numbered: 1,             /* a typed number as the head of a glued number (5310 → 5310-ubnd-kgvx) */
    part: 1,                 /* 20, 2021, nd, cp */
    joined: 1,               /* ldtbxh */
    synonym: 1,              /* each word of an expansion */
    abbreviation: 2,         /* abbreviation of a typed full name */
    phrase: 1.5,             /* each word of what a typed phrase means (registries, data/search.yml) */
    stop: 0.1                /* a stop-word ("các", "về", "là gì") among other words */
  }
  /* A page whose <h1> has every typed word (or what it stands for) is the
     thing searched: score × (1 + TITLE × share of typed words in the title²). */
  var TITLE = 3
  /* A typed abbreviation this long may be the start of a longer one ("UBMTTQ" of "UBMTTQVN") */
  var PREFIX_ABBR = 4

  /* ------------------------------------------------------------------------
   * Vocabulary (generated file assets/javascripts/search-synonyms.js)
   * --------------------------------------------------------------------- */

  var synonyms = null        /* {abbr: [[word, ...], ...]} */
  var phrases = null         /* [[words, abbr], ...] longest first */
  var meanings = null        /* {first folded word: [[words, written words, [[word, ...], ...]], ...]} longest first */
  var stopExact = new Set()  /* stop-words as typed with accents */
  var stopFolded = new Set() /* stop-words typed without accents (not when the folded form is also a content word) */

  function synonymTable() {
    if (synonyms) return synonyms
    var root = typeof self !== "undefined" ? self : {}
    var data = root.TRACUU_SYNONYMS || null
    if (!data) return {}
    synonyms = {}
    phrases = []
    for (var abbr in data) {
      var list = data[abbr]
      synonyms[abbr] = []
      for (var i = 0; i < list.length; i++) {
        var words = foldWords(list[i])
        if (!words.length) continue
        synonyms[abbr].push(words)
        if (words.length > 1) phrases.push([words, abbr])
      }
    }
    phrases.sort(function (a, b) { return b[0].length - a[0].length })

    meanings = {}
    var plain = root.TRACUU_PHRASES || {}
    for (var phrase in plain) {
      var key = foldWords(phrase)
      var written = exactWords(phrase)
      if (!key.length || written.length !== key.length) continue
      var means = []
      for (var m = 0; m < plain[phrase].length; m++) {
        var w = foldWords(plain[phrase][m])
        if (w.length) means.push(w)
      }
      if (!means.length) continue
      var bucket = meanings[key[0]] || (meanings[key[0]] = [])
      bucket.push([key, written, means])
    }
    for (var first in meanings)
      meanings[first].sort(function (a, b) { return b[0].length - a[0].length })

    var stops = root.TRACUU_STOPWORDS || {}
    stopExact = new Set((stops.exact || []).map(function (s) { return s.normalize("NFC").toLowerCase() }))
    stopFolded = new Set(stops.folded || [])
    return synonyms
  }

  /* ------------------------------------------------------------------------
   * Index side
   * --------------------------------------------------------------------- */

  /* Vietnamese text repeats a few thousand syllables: fold each one once */
  var memo = new Map()

  function indexTerms(str) {
    if (ASCII_WORD.test(str)) return [str]
    var hit = memo.get(str)
    if (hit) return hit
    hit = computeTerms(str)
    if (memo.size < 200000) memo.set(str, hit)
    return hit
  }

  function computeTerms(str) {
    var parts = foldWords(str)
    if (parts.length === 0) return []
    if (parts.length === 1) {
      var out = [parts[0]]
      var exact = exactWords(str)
      if (exact.length === 1 && exact[0] !== parts[0]) out.push(EXACT + exact[0])
      return out
    }
    return parts.concat([parts.join("-"), parts.join("")])
  }

  /* ------------------------------------------------------------------------
   * Query side
   * --------------------------------------------------------------------- */

  function splitWildcards(term) {
    var lead = term.charAt(0) === "*"
    var trail = term.length > 1 && term.charAt(term.length - 1) === "*"
    var core = term.replace(/^\*+|\*+$/g, "")
    return { lead: lead, trail: trail, core: core }
  }

  var GLUED = /^(\p{L}{1,8})(\p{N}[\p{L}\p{M}\p{N}_\-\/.&]*)$/u

  /** A kind abbreviation glued to a number, as typed on phones: "NĐ20/2021"
      → ["NĐ", "20/2021"], "TT13" → ["TT", "13"], "cv5310" → ["cv", "5310"].
      `known(folded)` says whether the glued word is itself an index term
      ("QH14" in 121/2020/QH14 is): then it stays whole. */
  function splitGlued(core, known) {
    var m = GLUED.exec(String(core).normalize("NFC"))
    if (!m) return [core]
    var glued = foldWords(core)[0]
    if (known && known(glued)) return [core]
    return [m[1], m[2]]
  }

  /** Is the typed word a stop-word? Accented: as typed; bare: only when no content word folds the same. */
  function isStopWord(core) {
    synonymTable()
    var exact = exactWords(core)
    if (exact.length !== 1) return false
    var folded = foldWords(core)
    if (folded.length !== 1) return false
    if (exact[0] !== folded[0]) return stopExact.has(exact[0])
    return stopFolded.has(folded[0])
  }

  /** One typed term → its clauses and the alternatives that count as a match. */
  function expandTerm(lunr, clause, w, out, opts) {
    var parts = foldWords(w.core)
    if (!parts.length) return null
    var prohibited = clause.presence === lunr.Query.presence.PROHIBITED
    var scale = opts.stop ? BOOST.stop : 1
    var star = function (s) { return (w.lead ? "*" : "") + s + (w.trail ? "*" : "") }
    var add = function (term, boost, presence) {
      out.push({
        term: term,
        boost: (clause.boost || 1) * boost * scale,
        usePipeline: false,
        fields: clause.fields,
        presence: presence === undefined ? lunr.Query.presence.OPTIONAL : presence
      })
    }
    var group = {
      key: KEY + opts.key.normalize("NFC"),
      alts: [],
      weight: opts.stop ? 0 : 1
    }
    var single = parts.length === 1 ? parts[0] : null
    var main = single || parts.join("-")
    var exact = single ? exactWords(w.core) : []
    var marked = exact.length === 1 && exact[0] !== single
    /* typed with tone or vowel marks: the index's accented words that are this one ("hoá" is
       "hóa"), and whether the site writes this folded form with marks at all ("nóng" typed, only
       "nông" indexed). Not for a word marked by đ alone ("NĐ", "LĐTBXH"): the index keeps no
       accented form of a glued token's parts ("20/2021/NĐ-CP"), so its folded hits may be it. */
    var toned = marked && /\p{M}/u.test(exact[0].normalize("NFD"))
    var spelled = toned && !prohibited && main.length >= 2 ? opts.spellings(exact[0], single, w.trail) : null
    var exactKnown = spelled !== null ? spelled.same.length > 0 : marked && opts.known(EXACT + exact[0])
    /* the typed marks decide: folded look-alikes of another word weigh little and are not the word found */
    var decided = spelled !== null && (spelled.same.length > 0 || spelled.accented)
    var foldedBoost = exactKnown ? BOOST.folded : decided ? BOOST.lookalike : 1
    /* a word typed without marks: its folded clauses, for a typed phrase to spell (addPhrases) */
    var bareClauses = single && !marked && !prohibited ? [out.length] : null
    add(star(main), foldedBoost, clause.presence)
    if (decided)
      for (var sp = 0; sp < spelled.same.length; sp++) group.alts.push([{ core: spelled.same[sp], prefix: false }])
    else
      group.alts.push([{ core: main, prefix: w.trail }])
    if (prohibited || main.length < 2) return group

    if (single) {
      if (w.trail) {
        if (bareClauses) bareClauses.push(out.length)
        add(single, BOOST.whole * (decided ? foldedBoost : 1))
      }
      /* a number heads the instruments it numbers: "5310" → 5310-ubnd-kgvx */
      if (/^[0-9]/.test(single)) add(single + "-*", BOOST.numbered)
      if (marked) {
        var typedExact = EXACT + exact[0]
        add(typedExact + (w.trail ? "*" : ""), BOOST.exact)
        /* the same word with its tone mark elsewhere ("hoá" typed, "hóa" written) */
        for (var v = 0; spelled && v < spelled.same.length; v++)
          if (spelled.same[v].lastIndexOf(typedExact, 0) !== 0 || (!w.trail && spelled.same[v] !== typedExact))
            add(spelled.same[v], BOOST.exact)
      }
    } else {
      out[out.length - 1].boost *= BOOST.compound
      var alt = []
      for (var i = 0; i < parts.length; i++) {
        var last = i === parts.length - 1
        add(parts[i] + (last && w.trail ? "*" : ""), BOOST.part)
        alt.push({ core: parts[i], prefix: last && w.trail })
      }
      group.alts.push(alt)
      add(parts.join("") + (w.trail ? "*" : ""), BOOST.joined)
      group.alts.push([{ core: parts.join(""), prefix: w.trail }])
    }

    var table = synonymTable()
    var joined = parts.join("")
    /* abbreviations are written without tone or vowel marks (đ aside): "tế" is not "TE" */
    var bare = w.core.normalize("NFC").replace(/đ/g, "d").replace(/[^\p{L}\p{M}\p{N}_]+/gu, "")
    var toned = foldWords(bare).join("") !== bare
    var expansions = toned ? [] : abbreviationsFor(table, joined)
    for (var e = 0; e < expansions.length; e++) {
      var words = expansions[e]
      var salt = []
      for (var k = 0; k < words.length; k++) {
        add(words[k], BOOST.synonym / Math.sqrt(words.length))
        salt.push({ core: words[k], prefix: false })
      }
      group.alts.push(salt)
    }
    group.folded = parts
    group.exact = marked ? exact[0] : null
    group.bare = bareClauses
    group.scale = (clause.boost || 1) * scale
    return group
  }

  /** Expansions of a typed abbreviation: its own, or, when it is no key but
      the start of one or two ("UBMTTQ" of "UBMTTQVN"), theirs. */
  function abbreviationsFor(table, joined) {
    if (Object.prototype.hasOwnProperty.call(table, joined)) return table[joined]
    if (joined.length < PREFIX_ABBR || /[0-9]/.test(joined)) return []
    var found = []
    for (var abbr in table)
      if (abbr.lastIndexOf(joined, 0) === 0) {
        found.push.apply(found, table[abbr])
        if (found.length > 2) return []
      }
    return found
  }

  /** Typed full names ("nghị định", "ủy ban nhân dân") also look for their
      abbreviation; typed plain words ("tỉnh đoàn", "mồ côi", "đường dây nóng")
      also look for what they stand for (agency names, topics, data/search.yml). */
  function addPhrases(lunr, groups, out) {
    synonymTable()
    var seq = []
    var typed = []
    for (var i = 0; i < groups.length; i++)
      if (groups[i] && groups[i].folded && groups[i].folded.length === 1) {
        seq.push(groups[i].folded[0])
        typed.push(groups[i].exact)
      } else {
        seq.push(null)
        typed.push(null)
      }
    var starts = function (words, s) {
      for (var k = 0; k < words.length; k++)
        if (seq[s + k] !== words[k]) return false
      return true
    }
    /* a word typed with accents must be the phrase's word as written */
    var written = function (words, s) {
      for (var k = 0; k < words.length; k++)
        if (typed[s + k] !== null && typed[s + k] !== words[k]) return false
      return true
    }
    if (phrases)
      for (var p = 0; p < phrases.length; p++) {
        var words = phrases[p][0]
        for (var s = 0; s + words.length <= seq.length; s++) {
          if (!starts(words, s)) continue
          out.push({
            term: phrases[p][1],
            boost: BOOST.abbreviation,
            usePipeline: false,
            presence: lunr.Query.presence.OPTIONAL
          })
          break
        }
      }
    if (!meanings) return
    var seen = new Map()      /* meaning → its alternative, asked once */
    for (var t = 0; t < seq.length; t++) {
      var bucket = seq[t] !== null && Object.prototype.hasOwnProperty.call(meanings, seq[t]) ? meanings[seq[t]] : null
      if (!bucket) continue
      for (var b = 0; b < bucket.length; b++) {
        var key = bucket[b][0]
        if (t + key.length > seq.length || !starts(key, t) || !written(bucket[b][1], t)) continue
        var means = bucket[b][2]
        for (var m = 0; m < means.length; m++) {
          var mw = means[m]
          var id = mw.join(" ")
          var alt = seen.get(id)
          if (!alt) {
            alt = []
            for (var x = 0; x < mw.length; x++) {
              if (stopFolded.has(mw[x])) continue
              out.push({
                term: mw[x],
                boost: BOOST.phrase / Math.sqrt(mw.length),
                usePipeline: false,
                presence: lunr.Query.presence.OPTIONAL
              })
              alt.push({ core: mw[x], prefix: false })
            }
            seen.set(id, alt)
          }
          /* each typed word of the phrase is matched by what the phrase means */
          for (var g = t; g < t + key.length; g++)
            if (groups[g] && alt.length) groups[g].alts.push(alt)
        }
        /* "là gì", "phải làm gì": stop-words that make a phrase count */
        for (var h = t; h < t + key.length; h++)
          if (groups[h]) groups[h].weight = 1
        spellPhrase(lunr, groups, t, bucket[b][1], out)
        /* longest phrase first, no overlaps: "bị xâm hại" is not also "xâm hại" */
        t += key.length - 1
        break
      }
    }
  }

  /** A phrase of the vocabulary typed without marks ("duong day nong") is spelled as the
      vocabulary writes it ("đường dây nóng"): each bare word then weighs like one typed with
      those marks (its folded look-alikes, "nông", little; the words as written, fully). */
  function spellPhrase(lunr, groups, t, written, out) {
    for (var k = 0; k < written.length; k++) {
      var g = groups[t + k]
      if (!g || !g.bare || !/\p{M}/u.test(written[k].normalize("NFD"))) continue
      var spelled = spellings(written[k], g.folded[0], false)
      if (!spelled.same.length && !spelled.accented) continue
      var boost = spelled.same.length ? BOOST.folded : BOOST.lookalike
      for (var c = 0; c < g.bare.length; c++) out[g.bare[c]].boost *= boost
      g.alts.shift()   /* the folded form is no longer the word found */
      for (var s = 0; s < spelled.same.length; s++) {
        out.push({ term: spelled.same[s], boost: BOOST.exact * g.scale, usePipeline: false, presence: lunr.Query.presence.OPTIONAL })
        g.alts.unshift([{ core: spelled.same[s], prefix: false }])
      }
      g.bare = null
    }
  }

  /* ------------------------------------------------------------------------
   * The index, in pieces
   * --------------------------------------------------------------------- */

  var LUNR = { Query: { presence: { OPTIONAL: 1, REQUIRED: 2, PROHIBITED: 3 } } }
  /* A word still being typed matches as a prefix only when that needs at most this many shards */
  var PREFIX_SHARDS = 4
  var SHOWN = 10              /* pages listed */
  var SECTIONS = 3            /* sections listed under a page */

  var base = null             /* the site root, from this script's address */
  var manifest = null
  var shardKeys = null        /* Set of shard keys */
  var pageOf = null           /* entry → its page's first entry */
  var chunkStart = null       /* page-table file → its first entry (and the entry count last) */
  var terms = Object.create(null)   /* term → postings, from loaded shards */
  var chunks = Object.create(null)  /* page-table chunk → rows */
  var scripts = Object.create(null) /* file → Promise */
  var loadedShards = Object.create(null)

  function siteBase() {
    if (base !== null) return base
    var el = document.currentScript || document.querySelector("script[src*='tracuu-search.js']")
    var src = el ? el.src : location.href
    base = src.replace(/assets\/javascripts\/tracuu-search\.js(\?.*)?$/, "")
    return base
  }

  function script(path) {
    if (scripts[path]) return scripts[path]
    scripts[path] = new Promise(function (resolve) {
      var s = document.createElement("script")
      s.src = siteBase() + path
      s.async = true
      s.onload = function () { resolve(true) }
      s.onerror = function () { resolve(false) }
      document.head.appendChild(s)
    })
    return scripts[path]
  }

  /** Called by the index files: kind "m" manifest, "t" terms shard, "p" page-table chunk. */
  function load(kind, key, data) {
    if (kind === "m") {
      manifest = data
      shardKeys = new Set(data.shards)
      pageOf = new Int32Array(data.entries)
      for (var q = 0, at = 0; q < data.pages.length; q++) {
        for (var r = 0; r < data.pages[q]; r++) pageOf[at + r] = at
        at += data.pages[q]
      }
      chunkStart = [0]
      for (var c = 0; c < data.rows.length; c++) chunkStart.push(chunkStart[c] + data.rows[c])
    } else if (kind === "t") {
      loadedShards[key] = Object.keys(data)
      for (var t in data) terms[t] = data[t]
    } else if (kind === "p") {
      chunks[key] = data
    }
  }

  function ready() {
    return Promise.all([script("search/manifest.js"), script("assets/javascripts/search-synonyms.js")])
  }

  function shardKey(word) {
    var f = word.charAt(0) === EXACT ? foldWords(word.slice(1)).join("") : foldWords(word).join("")
    for (var n = f.length; n > 0; n--)
      if (shardKeys.has(f.slice(0, n))) return f.slice(0, n)
    return ""
  }

  /** Shards a term needs: its own; for a prefix, also every shard under it (when few). */
  function shardsFor(term, prefix) {
    var own = shardKey(term)
    var out = [own]
    if (!prefix) return out
    var f = foldWords(term.charAt(0) === EXACT ? term.slice(1) : term).join("")
    if (own !== f) return out   /* a shorter key: nothing under the word is split off */
    var under = []
    shardKeys.forEach(function (k) { if (k.length > f.length && k.lastIndexOf(f, 0) === 0) under.push(k) })
    return under.length < PREFIX_SHARDS ? out.concat(under) : out
  }

  function loadShards(keys) {
    var wanted = []
    for (var i = 0; i < keys.length; i++)
      if (!loadedShards[keys[i]]) wanted.push(script("search/t/k" + encodeURIComponent(keys[i]) + ".js"))
    return Promise.all(wanted)
  }

  /** Load what the clauses ask for. */
  function loadFor(clauses) {
    var keys = []
    for (var i = 0; i < clauses.length; i++) {
      var w = splitWildcards(clauses[i].term)
      if (!w.core) continue
      var ks = shardsFor(w.core.replace(/-$/, ""), w.trail)
      for (var k = 0; k < ks.length; k++) if (keys.indexOf(ks[k]) === -1) keys.push(ks[k])
    }
    return loadShards(keys)
  }

  function known(term) {
    return Object.prototype.hasOwnProperty.call(terms, term)
  }

  /* Tone marks (huyền, sắc, ngã, hỏi, nặng): "hóa" and "hoá" are one word, the mark placed apart */
  var TONES = /[\u0300\u0301\u0303\u0309\u0323]/g
  var untoned = new Map()     /* accented index term → [word without tone mark, tone, folded] */

  function toneParts(word) {
    var hit = untoned.get(word)
    if (hit) return hit
    var d = word.normalize("NFD")
    hit = [d.replace(TONES, "").normalize("NFC"), (d.match(TONES) || []).join(""), foldWords(word).join("")]
    if (untoned.size < 200000) untoned.set(word, hit)
    return hit
  }

  /** A word typed with marks (`exact`, folded `folded`; `open`: still being typed, a prefix)
      against the loaded accented index terms: `same`, the terms that are this word wherever
      their tone mark sits ("=hóa" for "hoá"; open: the terms it starts, "=nóng" for "nó"), and
      `accented`, whether any accented term folds to it (else the site writes it without marks). */
  function spellings(exact, folded, open) {
    var want = toneParts(exact)
    var same = []
    var accented = false
    var keys = shardsFor(folded, open)
    for (var k = 0; k < keys.length; k++) {
      var list = loadedShards[keys[k]] || []
      for (var i = 0; i < list.length; i++) {
        var term = list[i]
        if (term.charAt(0) !== EXACT) continue
        var has = toneParts(term.slice(1))
        if (open ? has[2].lastIndexOf(folded, 0) !== 0 : has[2] !== folded) continue
        accented = true
        var base = open ? has[0].lastIndexOf(want[0], 0) === 0 : has[0] === want[0]
        if (base && (has[1] === want[1] || (open && !want[1]))) same.push(term)
      }
    }
    return { same: same, accented: accented }
  }

  /** Index terms a clause matches: itself, or with a trailing "*" every loaded term it starts. */
  function matching(term) {
    var w = splitWildcards(term)
    if (!w.trail) return known(w.core) ? [w.core] : []
    /* only the shards this prefix loads (not whatever earlier queries left loaded):
       the same query gives the same answer, cold or warm */
    var out = []
    var keys = shardsFor(w.core.replace(/-$/, ""), true)
    for (var k = 0; k < keys.length; k++) {
      var list = loadedShards[keys[k]] || []
      for (var i = 0; i < list.length; i++) if (list[i].lastIndexOf(w.core, 0) === 0) out.push(list[i])
    }
    return out
  }

  /* ------------------------------------------------------------------------
   * A query
   * --------------------------------------------------------------------- */

  var SEPARATOR = /[\s,;:!?()\[\]{}<>"“”‘’«»…]+|[\-–—\/.&’](?![0-9A-Za-z\u00C0-\u1EF9])|(?<![0-9A-Za-z\u00C0-\u1EF9])[\-–—\/.&’]/

  /** The typed words as Material split them: every one a prefix, the last one only kept so. */
  function typedWords(query) {
    var text = String(query).normalize("NFC")
    var words = []
    var parts = text.split(SEPARATOR)
    for (var i = 0; i < parts.length; i++) if (parts[i] && foldWords(parts[i]).length) words.push(parts[i])
    var open = words.length > 0 && !/\s$/.test(text)
    var terms = []
    for (var j = 0; j < words.length; j++) {
      var presence = LUNR.Query.presence.OPTIONAL
      var core = words[j].toLowerCase()   /* as lunr's query parser did */
      if (core.charAt(0) === "-" && core.length > 1) { presence = LUNR.Query.presence.PROHIBITED; core = core.slice(1) }
      else if (core.charAt(0) === "+" && core.length > 1) { presence = LUNR.Query.presence.REQUIRED; core = core.slice(1) }
      var pieces = splitGlued(core, known)
      for (var p = 0; p < pieces.length; p++)
        terms.push({
          clause: { presence: presence, boost: 1 },
          key: core,
          w: { lead: false, trail: open && j === words.length - 1 && p === pieces.length - 1, core: pieces[p] }
        })
    }
    return terms
  }

  /** Typed words → weighted clauses and the groups the title ranking counts. */
  function expand(query) {
    var typed = typedWords(query)
    var stops = typed.map(function (t) { return isStopWord(t.w.core) })
    var content = stops.filter(function (s) { return !s }).length
    var out = []
    var groups = []
    for (var k = 0; k < typed.length; k++)
      groups.push(expandTerm(LUNR, typed[k].clause, typed[k].w, out, {
        key: typed[k].key, stop: stops[k] && content > 0, known: known, spellings: spellings
      }))
    addPhrases(LUNR, groups, out)
    return { clauses: out, groups: groups }
  }

  /** First pass: the shards of every typed word (and of a glued word whole), so `known` can answer. */
  function firstShards(query) {
    var text = String(query).normalize("NFC")
    var parts = text.split(SEPARATOR)
    var clauses = []
    for (var i = 0; i < parts.length; i++) {
      var f = foldWords(parts[i])
      if (!f.length) continue
      clauses.push({ term: f.join("") })
      for (var j = 0; j < f.length; j++) clauses.push({ term: f[j] })
      var m = GLUED.exec(parts[i])
      if (m) clauses.push({ term: foldWords(m[2])[0] || f[0] })
    }
    return loadFor(clauses)
  }

  /* A term's list: [entries with it (per field, as lunr counts), entry delta, weight, ...] */
  function decode(flat, fn) {
    var id = 0
    for (var i = 1; i < flat.length; i += 2) {
      id += flat[i]
      fn(id, flat[i + 1])
    }
  }

  /** How much a typed word says which page is meant: lunr's idf of the entries that
      have it in any of its forms (an alternative's words all together: at most its
      rarest word's count; the forms summed). "trẻ", "em" are in most titles of this
      site, "xâm", "đuối" in few; "cv" is as common as "công văn". */
  function specificity(group) {
    var n = manifest.entries
    var df = 0
    for (var a = 0; a < group.alts.length; a++) {
      var least = n
      for (var t = 0; t < group.alts[a].length; t++) {
        var core = group.alts[a][t].core
        least = Math.min(least, Object.prototype.hasOwnProperty.call(terms, core) ? terms[core][0] : 0)
      }
      df += least
    }
    df = Math.min(df, n)
    return Math.sqrt(Math.log(1 + Math.abs((n - df + 0.5) / (df + 0.5))))
  }

  /** Score every entry the clauses reach; group by page; best pages first. */
  function rank(expanded) {
    var weightOf = new Map()     /* index term → summed clause boost */
    var prohibited = new Set()
    for (var c = 0; c < expanded.clauses.length; c++) {
      var clause = expanded.clauses[c]
      var found = matching(clause.term)
      for (var f = 0; f < found.length; f++) {
        if (clause.presence === LUNR.Query.presence.PROHIBITED) { prohibited.add(found[f]); continue }
        weightOf.set(found[f], (weightOf.get(found[f]) || 0) + clause.boost)
      }
    }
    var score = new Map()        /* entry → score */
    var hits = new Map()         /* entry → {term: in title} */
    weightOf.forEach(function (boost, term) {
      decode(terms[term], function (id, w) {
        score.set(id, (score.get(id) || 0) + boost * (w >> 1) / 100)
        var h = hits.get(id)
        if (!h) { h = Object.create(null); hits.set(id, h) }
        h[term] = (w & 1) === 1 || h[term] === true
      })
    })
    prohibited.forEach(function (term) {
      decode(terms[term], function (id) { score.delete(id) })
    })
    var groups = expanded.groups
    var total = 0
    var typed = new Set()
    for (var k = 0; k < groups.length; k++) if (groups[k]) {
      groups[k].share = groups[k].weight * specificity(groups[k])
      total += groups[k].share
      typed.add(groups[k].key)
    }
    var entries = []
    score.forEach(function (s, id) {
      var raw = s
      var found = matched(hits.get(id), groups)
      var page = pageOf[id] === id
      if (total > 0 && page) {
        var share = found.inTitle / total
        s *= 1 + TITLE * share * share
      }
      /* Material's own rule, kept: a page before its sections, more of the typed words first */
      var g = (page ? 1 : 0) + (typed.size ? found.keys.size / typed.size : 0)
      entries.push([id, s * (1 + g * g), raw, found.inTitle, found.keys.size])
    })
    entries.sort(function (a, b) { return b[1] - a[1] || a[0] - b[0] })
    explained = entries.slice(0, 40)
    var pages = []
    var byPage = new Map()
    for (var e = 0; e < entries.length; e++) {
      var page = pageOf[entries[e][0]]
      var group = byPage.get(page)
      if (!group) {
        if (pages.length >= SHOWN) continue
        group = { page: page, sections: [] }
        byPage.set(page, group)
        pages.push(group)
      }
      if (entries[e][0] !== page && group.sections.length < SECTIONS) group.sections.push(entries[e][0])
    }
    return { pages: pages, count: new Set(entries.map(function (x) { return pageOf[x[0]] })).size }
  }

  /** Does one alternative of a group match (in the title when `title`)? */
  function altMatches(alt, hit, title) {
    for (var t = 0; t < alt.length; t++) {
      var term = alt[t]
      var found = false
      if (!term.prefix) found = hit[term.core] !== undefined && (!title || hit[term.core])
      else
        for (var k in hit)
          if (k.lastIndexOf(term.core, 0) === 0 && (!title || hit[k])) { found = true; break }
      if (!found) return false
    }
    return true
  }

  /** Which typed words (or what they stand for) an entry matches, and their weight in its title. */
  function matched(hit, groups) {
    var inTitle = 0
    var keys = new Set()
    for (var g = 0; g < groups.length; g++) {
      var group = groups[g]
      if (!group) continue
      var any = false
      var title = false
      for (var a = 0; a < group.alts.length && !title; a++) {
        if (!any && altMatches(group.alts[a], hit, false)) any = true
        if (any && group.weight && altMatches(group.alts[a], hit, true)) title = true
      }
      if (any) keys.add(group.key)
      if (title) inTitle += group.share
    }
    return { inTitle: inTitle, keys: keys }
  }

  /** The page-table file that holds entry `id` (files hold runs of entries). */
  function chunkOf(id) {
    var lo = 0, hi = chunkStart.length - 2
    while (lo < hi) {
      var mid = (lo + hi + 1) >> 1
      if (chunkStart[mid] <= id) lo = mid
      else hi = mid - 1
    }
    return lo
  }

  function rows(ids) {
    var wanted = []
    for (var i = 0; i < ids.length; i++) {
      var c = String(chunkOf(ids[i]))
      if (!chunks[c] && wanted.indexOf(c) === -1) wanted.push(c)
    }
    return Promise.all(wanted.map(function (c) { return script("search/p/" + c + ".js") }))
  }

  function row(id) {
    var c = chunkOf(id)
    var chunk = chunks[String(c)]
    return chunk ? chunk[id - chunkStart[c]] : null
  }

  var SUPERSEDED = "superseded"
  var explained = []          /* [entry, score] of the last ranking, best first (for tests and tuning) */

  /** Search: resolves to {query, pages: [{url, title, snippet, sections: [{url, title, snippet}]}], count}.
      `current()` (optional) says whether the answer is still wanted: a query the reader has
      typed past stops before loading more of the index (rejects with SUPERSEDED). */
  function search(query, current) {
    var still = function (value) {
      if (current && !current()) throw new Error(SUPERSEDED)
      return value
    }
    return ready().then(function () {
      if (!manifest) throw new Error("search/manifest.js missing")
      still()
      return firstShards(query)
    }).then(function () {
      still()
      var expanded = expand(query)
      return loadFor(expanded.clauses).then(function () { return expanded })
    }).then(function (expanded) {
      still()
      var ranked = rank(expanded)
      var ids = []
      ranked.pages.forEach(function (g) { ids.push(g.page); ids.push.apply(ids, g.sections) })
      return rows(ids).then(function () {
        var pages = []
        ranked.pages.forEach(function (g) {
          var p = row(g.page)
          if (!p) return
          var secs = []
          g.sections.forEach(function (s) {
            var r = row(s)
            if (r) secs.push({ url: p[0] + r[0], title: r[1], snippet: r[2] })
          })
          pages.push({ url: p[0], title: p[1], snippet: p[2], sections: secs })
        })
        return { query: query, pages: pages, count: ranked.count }
      })
    })
  }

  /* ------------------------------------------------------------------------
   * Highlighting on the page a search result links to
   * --------------------------------------------------------------------- */

  /* Which words to mark (on the page a result opens, in a result's title and snippet).
   *
   * A text word is a folded match of a typed word when its folded form is the typed
   * word's (or starts with it, for 3 letters or more: the word may still be being
   * typed). Folding makes collisions ("bạo" / "báo", "nóng" / "nông"), so in one scope
   * (the page, or one result) each typed word marks:
   *  1. typed with marks ("bạo") and found as typed in the scope: only those spellings;
   *  2. else, when the scope has it as a phrase with a neighbouring typed word ("bao luc"
   *     → "bạo lực", next to each other in the typed order): only the spellings found in
   *     such phrases ("Báo cáo" is not marked);
   *  3. else every folded match (the reader typed no marks and nothing tells them apart).
   */
  function typedForms(query) {
    var out = []
    var words = exactWords(String(query).replace(new RegExp(KEY, "g"), " "))
    for (var i = 0; i < words.length; i++) {
      var f = foldWords(words[i]).join("")
      if (f) out.push({ exact: words[i], folded: f, marked: words[i] !== f })
    }
    return out
  }

  /** "exact", "folded" or null: how text word `w` (lower-case NFC, folded `f`) matches typed word `t`. */
  function wordMatch(w, f, t) {
    if (!(f === t.folded || (t.folded.length >= 3 && f.lastIndexOf(t.folded, 0) === 0))) return null
    if (t.marked && (w === t.exact || (t.exact.length >= 3 && w.lastIndexOf(t.exact, 0) === 0))) return "exact"
    return "folded"
  }

  /** A predicate on words, for the scope whose words (in order) are `scope`. */
  function highlighter(query, scope) {
    var typed = typedForms(query)
    var seq = []
    for (var p = 0; p < scope.length; p++) {
      var low = scope[p].normalize("NFC").toLowerCase()
      seq.push({ w: low, f: foldWords(low).join("") })
    }
    var exact = typed.map(function () { return false })
    var phrase = typed.map(function () { return new Set() })
    var at = function (q, i) { return q >= 0 && q < seq.length && i >= 0 && i < typed.length && wordMatch(seq[q].w, seq[q].f, typed[i]) }
    for (var q = 0; q < seq.length; q++)
      for (var i = 0; i < typed.length; i++) {
        var m = at(q, i)
        if (!m) continue
        if (m === "exact") exact[i] = true
        if (at(q + 1, i + 1) || at(q - 1, i - 1)) phrase[i].add(seq[q].w)
      }
    return function (word) {
      var w = word.normalize("NFC").toLowerCase()
      var f = foldWords(w).join("")
      for (var k = 0; k < typed.length; k++) {
        var how = wordMatch(w, f, typed[k])
        if (!how) continue
        if (exact[k]) { if (how === "exact") return true; continue }
        if (phrase[k].size) { if (phrase[k].has(w)) return true; continue }
        return true
      }
      return false
    }
  }

  var WORD = /[\p{L}\p{M}\p{N}_]+/gu

  function wordsOf(texts) {
    var out = []
    for (var i = 0; i < texts.length; i++) out.push.apply(out, String(texts[i]).match(WORD) || [])
    return out
  }

  function highlightPage() {
    var run = function () {
      var h
      try {
        h = new URL(location.href).searchParams.get("h")
      } catch (err) {
        return
      }
      if (!h || !typedForms(h).length) return
      var root = document.querySelector("[data-md-component=content] article, article, main")
      if (!root) return
      var walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT)
      var nodes = []
      for (var node = walker.nextNode(); node; node = walker.nextNode()) {
        var parent = node.parentElement
        if (!parent || parent.closest("mark, script, style, [data-search-results]")) continue
        nodes.push(node)
      }
      var matches = highlighter(h, wordsOf(nodes.map(function (n) { return n.nodeValue })))
      for (var n = 0; n < nodes.length; n++) {
        var text = nodes[n].nodeValue
        var frag = null
        var last = 0
        var m
        WORD.lastIndex = 0
        while ((m = WORD.exec(text))) {
          if (!matches(m[0])) continue
          frag = frag || document.createDocumentFragment()
          frag.appendChild(document.createTextNode(text.slice(last, m.index)))
          var mark = document.createElement("mark")
          mark.setAttribute("data-md-highlight", "")
          mark.textContent = m[0]
          frag.appendChild(mark)
          last = m.index + m[0].length
        }
        if (frag) {
          frag.appendChild(document.createTextNode(text.slice(last)))
          nodes[n].parentNode.replaceChild(frag, nodes[n])
        }
      }
    }
    if (document.readyState === "loading")
      document.addEventListener("DOMContentLoaded", run)
    else
      run()
  }

  /* ------------------------------------------------------------------------
   * The search box
   * --------------------------------------------------------------------- */

  var TEXT = {
    none: "Không tìm thấy tài liệu liên quan",
    one: "1 tài liệu liên quan",
    other: "# tài liệu liên quan",
    failed: "Không tải được chỉ mục tìm kiếm",
    more: "Gõ thêm ít nhất một chữ để tìm"
  }
  var ANSWERED = "data-tracuu-query"

  /** A result's address: from the site root, ?h= the query (before the #anchor). */
  function resultHref(url, query) {
    var hash = ""
    var at = url.indexOf("#")
    if (at !== -1) { hash = url.slice(at); url = url.slice(0, at) }
    if (location.protocol !== "file:") url = url.replace(/(^|\/)index\.html$/, "$1")
    return siteBase() + url + "?h=" + encodeURIComponent(query) + hash
  }

  /** Put `text` into `el`, the words `matches` accepts in <mark>. */
  function marked(el, text, matches) {
    var word = new RegExp(WORD.source, "gu")
    var last = 0
    var m
    while ((m = word.exec(text))) {
      if (!matches(m[0])) continue
      el.appendChild(document.createTextNode(text.slice(last, m.index)))
      var mk = document.createElement("mark")
      mk.textContent = m[0]
      el.appendChild(mk)
      last = m.index + m[0].length
    }
    el.appendChild(document.createTextNode(text.slice(last)))
  }

  function item(hit, query, cls) {
    var matches = highlighter(query, wordsOf([hit.title, hit.snippet || ""]))
    var a = document.createElement("a")
    a.href = resultHref(hit.url, query)
    a.className = cls
    var t = document.createElement("span")
    t.className = "tracuu-search__title"
    marked(t, hit.title, matches)
    a.appendChild(t)
    if (hit.snippet) {
      var s = document.createElement("span")
      s.className = "tracuu-search__snippet"
      marked(s, hit.snippet, matches)
      a.appendChild(s)
    }
    return a
  }

  function render(out, answer) {
    out.textContent = ""
    var meta = document.createElement("p")
    meta.className = "tracuu-search__meta"
    meta.textContent = answer.error ? TEXT.failed
      : answer.count === 0 ? TEXT.none
      : answer.count === 1 ? TEXT.one : TEXT.other.replace("#", String(answer.count))
    out.appendChild(meta)
    var list = document.createElement("ol")
    list.className = "tracuu-search__list"
    for (var i = 0; i < answer.pages.length; i++) {
      var li = document.createElement("li")
      li.appendChild(item(answer.pages[i], answer.query, "tracuu-search__page"))
      for (var s = 0; s < answer.pages[i].sections.length; s++)
        li.appendChild(item(answer.pages[i].sections[s], answer.query, "tracuu-search__section"))
      list.appendChild(li)
    }
    out.appendChild(list)
    out.hidden = false
    out.setAttribute(ANSWERED, answer.query)
  }

  function mount() {
    var input = document.querySelector("[data-search-input]")
    var out = document.querySelector("[data-search-results]")
    if (!input || !out) return
    var asked = 0
    var run = function () {
      var query = input.value
      var mine = ++asked
      if (!foldWords(query).length) {
        out.textContent = ""
        out.hidden = true
        out.setAttribute(ANSWERED, query)
        return
      }
      /* one letter or digit ("t", "5", the first key of most queries) matches half the site:
         ask for one more instead of fetching results nobody reads */
      if (Math.max.apply(null, foldWords(query).map(function (w) { return w.length })) < 2) {
        out.textContent = ""
        var more = document.createElement("p")
        more.className = "tracuu-search__meta"
        more.textContent = TEXT.more
        out.appendChild(more)
        out.hidden = false
        out.setAttribute(ANSWERED, query)
        return
      }
      search(query, function () { return mine === asked }).then(function (answer) {
        if (mine === asked) render(out, answer)
      }, function () {
        if (mine === asked) render(out, { query: query, pages: [], count: 0, error: true })
      })
    }
    input.addEventListener("input", run)
    input.addEventListener("compositionend", run)
    input.addEventListener("focus", function () { ready() })
    input.form && input.form.addEventListener("submit", function (ev) {
      ev.preventDefault()
      var first = out.querySelector("a")
      if (first) location.href = first.href
    })
    input.addEventListener("keydown", function (ev) {
      if (ev.key === "Escape") { input.value = ""; run(); input.blur() }
    })
    document.addEventListener("keydown", function (ev) {
      var t = ev.target
      var typing = t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName))
      if (!typing && (ev.key === "/" || ev.key === "s") && !ev.ctrlKey && !ev.metaKey && !ev.altKey) {
        ev.preventDefault()
        input.focus()
      }
    })
    document.addEventListener("click", function (ev) {
      if (!out.hidden && !out.contains(ev.target) && ev.target !== input) out.hidden = true
    })
    input.addEventListener("click", function () { if (out.childNodes.length) out.hidden = false })
  }

  function page() {
    siteBase()
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", mount)
    else mount()
    highlightPage()
  }

  return {
    page: page,
    load: load,
    search: search,
    fold: fold,
    foldWords: foldWords,
    exactWords: exactWords,
    indexTerms: indexTerms,
    splitGlued: splitGlued,
    isStopWord: isStopWord,
    highlightPage: highlightPage,
    highlighter: highlighter,
    explain: function () { return explained },
    BOOST: BOOST
  }
})
