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
  var post = Worker.prototype.postMessage;
  Worker.prototype.postMessage = function (message) {
    var args = Array.prototype.slice.call(arguments);
    if (message && message.type === QUERY && typeof message.data === "string")
      args[0] = { type: QUERY, data: widen(message.data) };
    return post.apply(this, args);
  };

  // A region that scrolls sideways (a wide table or code block on a phone) can be scrolled from
  // the keyboard too (WCAG 2.1.1). Material wraps tables in its own scroll box after loading.
  window.addEventListener("load", function () {
    var boxes = ".md-typeset__scrollwrap, .md-typeset pre > code, .md-typeset .highlight";
    document.querySelectorAll(boxes).forEach(function (box) {
      if (box.scrollWidth > box.clientWidth && !box.hasAttribute("tabindex"))
        box.setAttribute("tabindex", "0");
    });
  });

  // On paper a link shows where it leads: its full address, printed after it (style.css).
  document.querySelectorAll(".md-content a[href]").forEach(function (link) {
    var href = link.getAttribute("href");
    if (href.charAt(0) !== "#" && !link.classList.contains("headerlink"))
      link.setAttribute("data-print-href", link.href);
  });
})();
