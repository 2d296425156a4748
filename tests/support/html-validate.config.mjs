// html-validate's settings for `make test` (tests/site/test_markup.py): the rules of the HTML
// standard, which is what the Nu HTML Checker holds pages to, and two more it reports that the
// preset leaves out. html-validate is plain JavaScript (the Nu checker needs Java).
export default {
  extends: ["html-validate:standard"],
  rules: {
    // A label's `for`, an aria-labelledby or aria-describedby names an element that exists.
    "no-missing-references": "error",
    // aria-label only on an element whose role can be named: never on a bare <pre> or <div>.
    "aria-label-misuse": ["error", { allowAnyNamable: true }],
  },
};

// Findings in the theme's own markup (Material for MkDocs 9.8's templates), not in ours, each
// silenced by its rule and its element (html-validate's selector) or its message, and by nothing
// broader: our markup stays under every rule. The Nu HTML Checker reports the same ones. The test
// fails when one is no longer found, so an entry goes when the theme fixes it.
export const THEME = [
  // base.html: the drawer and search toggles are checkboxes with autocomplete="off", which HTML
  // allows only on text-like inputs. On every page.
  { rule: "valid-autocomplete", selector: "#__drawer" },
  { rule: "valid-autocomplete", selector: "#__search" },
  // partials/toc.html under blog-post.html: the table of contents' title is <label for="__toc">,
  // but only a page in the navigation has the __toc toggle (nav-item.html); a news post has none.
  { rule: "no-missing-references", message: 'Element references missing id "__toc"' },
];
