// Small additions to the theme, loaded before Material's bundle (overrides/main.html).
(function () {
  "use strict";

  // Search that forgives missing accents and punctuation (macros/files/search.py folds the index
  // the same way). Material posts the query, as typed, to its search worker as {type: 2 (QUERY),
  // data}. We send the query in NFC, which ranks exact spellings first, plus each word folded and
  // required ("+so +noi +vu*"): "Sở Nội vụ", "so noi vu" and decomposed input find the same
  // pages. Words are cut where the index cuts them: SEPARATOR is mkdocs.yml's
  // plugins.search.separator (tests/site/test_search.py checks that the two are the same), so
  // "thôn, tổ dân phố" is four words and "2.1.3" one. A task id as in its address ("ii-2-1-3") is
  // written with dots, as the index's aliases write it. Only the last word, which may still be
  // being typed, is a prefix: a prefix on every word lets long pages collect many partial
  // matches ("so_hieu", "noi_dung") and outrank the exact ones.
  var QUERY = 2;
  var SEPARATOR = new RegExp("[\\s\\-–—,;:!?=\\[\\]()\"“”‘’«»/…]+|\\.(?!\\d)|&[lg]t;");
  var TASK_ID = /^[ivx]+(?:-\d+)+$/i;
  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "")
      .replace(/đ/g, "d").replace(/Đ/g, "D").normalize("NFC");
  }
  function widen(query) {
    var words = [];
    query.split(/\s+/).forEach(function (term) {
      // The reader's own search syntax (+word, -word, "phrase", title:word, word*, word~1,
      // word^2) is left alone.
      if (!term || /^[+-]|["*^~]/.test(term) || /^(title|text|tags):/.test(term)) return;
      if (TASK_ID.test(term)) term = term.replace(/-/g, ".");
      fold(term).split(SEPARATOR).forEach(function (part) {
        if (part) words.push("+" + part);
      });
    });
    if (words.length) words[words.length - 1] += "*";
    var nfc = query.normalize("NFC");
    return words.length ? (nfc === fold(nfc) ? "" : nfc + " ") + words.join(" ") : nfc;
  }
  // Ranking: the worker (lunr) scores words one by one, so a section whose title holds two of
  // the words can outrank the passage that holds them all, in order. Each result the worker
  // sends back is sorted again, page by page, on what the reader typed:
  //   1. a page whose number or id (the index's aliases: "ii.2.2.3", "2.2.3") is a word typed;
  //   2. the words in order, as typed with their accents; then in order without accents; then
  //      all the words anywhere; then the rest;
  //   3. the words in order in the title;
  //   4. the page's boost in the index (a task's own page before the plan text that repeats it);
  //   5. the worker's order.
  // The texts come from the index the theme hands the worker (its SETUP message); each is cut
  // into words once, when first needed.
  var SETUP = 0, RESULT = 3;
  var docs = null, pages = {}, cut = {};
  var pending = [];
  function words(text) {
    return text.replace(/<[^>]*>/g, " ").toLowerCase().split(SEPARATOR)
      .filter(function (word) { return word; });
  }
  function typed(query) {
    var exact = [];
    query.normalize("NFC").split(/\s+/).forEach(function (term) {
      if (!term || /^[+-]|["*^~]/.test(term) || /^(title|text|tags):/.test(term)) return;
      if (TASK_ID.test(term)) term = term.replace(/-/g, ".");
      exact.push.apply(exact, words(term));
    });
    return { exact: exact, bare: exact.map(fold) };
  }
  function entry(location) {
    var known = cut[location];
    if (known) return known;
    var doc = docs[location] || { title: "", text: "" };
    var title = words(doc.title || ""), text = words(doc.text || "");
    var all = " " + title.concat(text).join(" ") + " ";
    known = cut[location] = {
      exact: all, bare: fold(all), title: " " + fold(title.join(" ")) + " ",
      aliases: (doc.aliases || "").split(" "),
    };
    return known;
  }
  // The words in order in a text of words between spaces; the last one may be half typed.
  function inOrder(text, list) {
    return list.length > 0 && text.indexOf(" " + list.join(" ")) !== -1;
  }
  function rank(item, query) {
    var doc = entry(item.location);
    var own = query.bare.some(function (word) { return doc.aliases.indexOf(word) !== -1; });
    var level = inOrder(doc.exact, query.exact) && query.exact.join() !== query.bare.join() ? 3
      : inOrder(doc.bare, query.bare) ? 2
      : query.bare.every(function (word) { return doc.bare.indexOf(" " + word) !== -1; }) ? 1 : 0;
    return [+own, level, +inOrder(doc.title, query.bare)];
  }
  function better(a, b) {
    for (var i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] > b[i];
    return false;
  }
  function rerank(items, query) {
    return items.map(function (group, order) {
      var best = [0, 0, 0];
      group.forEach(function (item) {
        var key = rank(item, query);
        if (better(key, best)) best = key;
      });
      var page = docs[group[0].location.split("#")[0]] || {};
      return { group: group, key: best.concat([page.boost || 1, -order]) };
    }).sort(function (a, b) {
      return better(a.key, b.key) ? -1 : better(b.key, a.key) ? 1 : 0;
    }).map(function (ranked) { return ranked.group; });
  }
  function ranked(data) {
    var query = pending.shift();
    if (!docs || query === undefined || !data || !Array.isArray(data.items)) return data;
    var words = typed(query);
    if (!words.bare.length) return data;
    return Object.assign({}, data, { items: rerank(data.items, words).map(function (group) {
      return marked(group, words);
    }) });
  }
  // What the theme highlights, in the results and on the page opened (?h=): each result's
  // "terms". It gave the clauses sent to the worker (folded "che"; a word half typed, "ch",
  // marked inside every word) and a page found through its sections alone none (an empty ?h=).
  // Each result gets the words of its own text typed, as written there: «chế» for "chế" or
  // "che"; the last word, perhaps half typed, the words it begins where none is whole.
  function found(location, query) {
    var doc = entry(location), terms = {};
    if (!doc.words) doc.words = Array.from(new Set(doc.exact.split(" ").concat(doc.aliases)))
      .filter(Boolean).map(function (w) { return [w, fold(w), toned(w)]; });
    // Accents typed are meant: «tinh» is not «tỉnh» (but «Hóa» is «Hoá»).
    var accents = query.exact.join() !== query.bare.join();
    query.bare.forEach(function (bare, i) {
      var spelling = toned(query.exact[i]);
      var whole = doc.words.filter(function (w) { return accents ? w[2] === spelling : w[1] === bare; });
      if (!whole.length && i === query.bare.length - 1)
        whole = doc.words.filter(function (w) { return w[1].indexOf(bare) === 0; });
      whole.forEach(function (w) { terms[w[0]] = true; });
    });
    return terms;
  }
  function toned(word) {  // the letters, then the tone marks
    var tones = "";
    return word.normalize("NFD").replace(/[\u0300\u0301\u0303\u0309\u0323]/g,
      function (mark) { tones += mark; return ""; }).normalize("NFC") + " " + tones;
  }
  function marked(group, query) {
    var all = {}, terms = group.map(function (item) { return found(item.location, query); });
    terms.forEach(function (own) { Object.assign(all, own); });
    return group.map(function (item, i) {
      var own = Object.keys(terms[i]).length ? terms[i] : Object.assign({}, all);
      var have = Object.keys(own).map(fold);
      // A word the theme found missing stays so, unless found here as written.
      Object.keys(item.terms || {}).forEach(function (term) {
        if (item.terms[term] === false && have.indexOf(fold(term)) === -1) own[term] = false;
      });
      return Object.assign({}, item, { terms: own });
    });
  }

  var post = Worker.prototype.postMessage;
  Worker.prototype.postMessage = function (message) {
    var args = Array.prototype.slice.call(arguments);
    if (message && message.type === SETUP && message.data && Array.isArray(message.data.docs)) {
      docs = {};
      cut = {};
      message.data.docs.forEach(function (doc) { docs[doc.location] = doc; });
    }
    if (message && message.type === QUERY && typeof message.data === "string") {
      pending.push(message.data);
      args[0] = { type: QUERY, data: widen(message.data) };
    }
    return post.apply(this, args);
  };
  // The theme searches on keyup. A letter an input method puts in with no key of its own (a
  // toned letter from a phone's keyboard, or Telex) fires "input" only: «chế» was searched as "ch".
  document.addEventListener("input", function (event) {
    var box = event.target;
    if (box instanceof HTMLInputElement && box.classList.contains("md-search__input"))
      box.dispatchEvent(new Event("keyup"));
  }, true);

  // The theme listens to its worker with addEventListener("message"): its listener is handed
  // each result sorted again. One RESULT answers each QUERY, in order.
  var listen = Worker.prototype.addEventListener, unlisten = Worker.prototype.removeEventListener;
  var wrapped = new WeakMap(), answers = new WeakMap();
  Worker.prototype.addEventListener = function (type, listener, options) {
    if (type !== "message" || typeof listener !== "function")
      return listen.apply(this, arguments);
    var wrapper = wrapped.get(listener);
    if (!wrapper) {
      wrapper = function (event) {
        if (!event.data || event.data.type !== RESULT) return listener.call(this, event);
        // Sorted once per result, however many listeners the theme adds.
        var answer = answers.get(event);
        if (!answer) {
          answer = new MessageEvent("message", {
            data: Object.assign({}, event.data, { data: ranked(event.data.data) }),
          });
          answers.set(event, answer);
        }
        return listener.call(this, answer);
      };
      wrapped.set(listener, wrapper);
    }
    return listen.call(this, type, wrapper, options);
  };
  Worker.prototype.removeEventListener = function (type, listener, options) {
    return unlisten.call(this, type, wrapped.get(listener) || listener, options);
  };

  // A region that scrolls sideways (a wide table or code block on a phone) can be scrolled from
  // the keyboard too (WCAG 2.1.1). Material wraps tables in its own scroll box after loading.
  // A table wider than its box says so above it, in words: «Kéo ngang để xem hết bảng».
  var TABLES = ".table-scroll, .md-typeset__scrollwrap";
  function cue(box) {
    var wide = box.scrollWidth > box.clientWidth + 1;
    var next = box.previousElementSibling;
    var shown = next && next.classList.contains("scroll-cue") ? next : null;
    if (wide && !shown) {
      shown = document.createElement("p");
      shown.className = "scroll-cue";
      shown.textContent = "Kéo ngang để xem hết bảng";
      box.parentNode.insertBefore(shown, box);
    }
    if (shown) shown.hidden = !wide;
  }
  window.addEventListener("load", function () {
    var boxes = ".md-typeset__scrollwrap, .md-typeset pre > code, .md-typeset .highlight";
    document.querySelectorAll(boxes).forEach(function (box) {
      if (box.scrollWidth > box.clientWidth && !box.hasAttribute("tabindex"))
        box.setAttribute("tabindex", "0");
    });
    var tables = document.querySelectorAll(TABLES);
    tables.forEach(cue);
    window.addEventListener("resize", function () { tables.forEach(cue); });
  });

  // On paper a link shows where it leads: its full address, printed after it (style.css).
  document.querySelectorAll(".md-content a[href]").forEach(function (link) {
    var href = link.getAttribute("href");
    if (href.charAt(0) !== "#" && !link.classList.contains("headerlink"))
      link.setAttribute("data-print-href", link.href);
  });
})();
